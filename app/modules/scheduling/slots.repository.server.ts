import type { Insertable } from "kysely";
import type { Database } from "~/utils/db.server";
import { deleteRows, findRow, rowsWhere, updateRows } from "~/utils/db-rows.server";
import type { ConsultationSlots } from "../../../db/types";

// Consultation slots. Every read and write names the site: a site's slots are its own staff's only.

/** Inserts slots; one that starts when the site already has a slot is skipped. Returns how many were added. */
export async function insertSlots(db: Database, rows: Insertable<ConsultationSlots>[]): Promise<number> {
  let added = 0;
  // SQLite caps bound parameters per statement: 11 columns × 80 rows stays far below it.
  for (let i = 0; i < rows.length; i += 80) {
    const result = await db
      .insertInto("consultation_slots")
      .values(rows.slice(i, i + 80))
      .onConflict((oc) => oc.columns(["site_code", "starts_at"]).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** The site's slots starting in [from, until), in order, with the booked referral's code. */
export async function slotsBetween(db: Database, siteCode: string, from: string, until: string) {
  return db
    .selectFrom("consultation_slots")
    .leftJoin("referrals", "referrals.id", "consultation_slots.referral_id")
    .selectAll("consultation_slots")
    .select("referrals.reference_code")
    .where("consultation_slots.site_code", "=", siteCode)
    .where("consultation_slots.starts_at", ">=", from)
    .where("consultation_slots.starts_at", "<", until)
    .orderBy("consultation_slots.starts_at")
    .execute();
}

/** The site's free slots from `from` on, soonest first. */
export async function freeSlotsFrom(db: Database, siteCode: string, from: string, limit: number) {
  return rowsWhere(db, "consultation_slots", { site_code: siteCode, referral_id: null })
    .where("starts_at", ">=", from)
    .orderBy("starts_at")
    .limit(limit)
    .execute();
}

export async function slotOfSite(db: Database, siteCode: string, id: string) {
  return findRow(db, "consultation_slots", { site_code: siteCode, id });
}

export async function slotAtStart(db: Database, siteCode: string, startsAt: string) {
  return findRow(db, "consultation_slots", { site_code: siteCode, starts_at: startsAt });
}

/** Booked slots of the site starting in [from, until): what an override must not overlap. */
export async function bookedSlotsBetween(db: Database, siteCode: string, from: string, until: string) {
  return rowsWhere(db, "consultation_slots", { site_code: siteCode })
    .where("referral_id", "is not", null)
    .where("starts_at", ">=", from)
    .where("starts_at", "<", until)
    .execute();
}

/** Removes a free slot; a booked one stays (returns false). */
export async function deleteFreeSlot(db: Database, siteCode: string, id: string): Promise<boolean> {
  return (await deleteRows(db, "consultation_slots", { site_code: siteCode, id, referral_id: null })) > 0;
}

/** Books a free slot for a referral; false when someone else took it first. */
export async function claimSlot(
  db: Database,
  siteCode: string,
  id: string,
  referralId: string,
  at: string,
): Promise<boolean> {
  const claimed = await updateRows(db, "consultation_slots", {
    where: { site_code: siteCode, id, referral_id: null },
    set: { referral_id: referralId, booked_at: at },
  });
  return claimed > 0;
}

export async function slotOfReferral(db: Database, referralId: string) {
  return findRow(db, "consultation_slots", { referral_id: referralId });
}

/** Frees a referral's slot (rebooking): a planned slot becomes free again, an override slot goes. */
export async function releaseSlotOf(db: Database, referralId: string): Promise<void> {
  await deleteRows(db, "consultation_slots", { referral_id: referralId, kind: "override" });
  await updateRows(db, "consultation_slots", {
    where: { referral_id: referralId },
    set: { referral_id: null, booked_at: null },
  });
}
