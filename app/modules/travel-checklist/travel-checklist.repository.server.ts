import type { Insertable } from "kysely";
import type { Database } from "~/utils/db.server";
import { currentVersionRow } from "~/modules/sites/site-versions.repository.server";
import { deleteRows, rowsWhere } from "~/utils/db-rows.server";
import type { TravelChecklistVersions } from "../../../db/types";

export async function currentChecklistRow(db: Database, siteCode: string) {
  return currentVersionRow(db, "travel_checklist_versions", siteCode);
}

export async function insertChecklistVersion(db: Database, row: Insertable<TravelChecklistVersions>): Promise<void> {
  await db.insertInto("travel_checklist_versions").values(row).execute();
}

export async function ticksOf(db: Database, referralId: string): Promise<{ itemKey: string; doneAt: string }[]> {
  const rows = await rowsWhere(db, "travel_checklist_ticks", { referral_id: referralId }).execute();
  return rows.map((row) => ({ itemKey: row.item_key, doneAt: row.done_at }));
}

/** Ticks an item; true when it was not ticked before (a repeated post changes nothing). */
export async function insertTick(
  db: Database,
  row: { referralId: string; itemKey: string; doneBy: string; doneAt: string },
): Promise<boolean> {
  const result = await db
    .insertInto("travel_checklist_ticks")
    .values({ referral_id: row.referralId, item_key: row.itemKey, done_by: row.doneBy, done_at: row.doneAt })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Unticks an item; true when it was ticked. */
export async function deleteTick(db: Database, referralId: string, itemKey: string): Promise<boolean> {
  return (await deleteRows(db, "travel_checklist_ticks", { referral_id: referralId, item_key: itemKey })) > 0;
}
