import type { Insertable } from "kysely";
import type { Database } from "~/utils/db.server";
import { findRow, updateRows } from "~/utils/db-rows.server";
import type { StatusSessions } from "../../../db/types";

const statusColumns = [
  "referrals.id",
  "referrals.status",
  "referrals.patient_birth_date",
  "referrals.patient_language",
  "referrals.status_changed_at",
  "referrals.consultation_json",
  "referrals.site_code",
  "sites.name_ko",
  "sites.name_ja",
  "sites.name_en",
  "sites.timezone",
] as const;

/** The few columns the patient's status needs (never the case, the names or the history), of every referral. */
function statuses(db: Database) {
  return db.selectFrom("referrals").leftJoin("sites", "sites.code", "referrals.site_code").select(statusColumns);
}

export async function findStatusByCode(db: Database, referenceCode: string) {
  return statuses(db).where("referrals.reference_code", "=", referenceCode).executeTakeFirst();
}

export async function findStatusById(db: Database, referralId: string) {
  return statuses(db).where("referrals.id", "=", referralId).executeTakeFirst();
}

export type StatusRow = NonNullable<Awaited<ReturnType<typeof findStatusByCode>>>;

export async function insertStatusSession(db: Database, row: Insertable<StatusSessions>) {
  await db.insertInto("status_sessions").values(row).execute();
}

export async function findStatusSession(db: Database, id: string) {
  return findRow(db, "status_sessions", { id, ended_at: null });
}

export async function touchStatusSession(db: Database, id: string, at: string) {
  await updateRows(db, "status_sessions", { where: { id }, set: { last_seen_at: at } });
}

export async function endStatusSession(db: Database, id: string, at: string) {
  await updateRows(db, "status_sessions", { where: { id, ended_at: null }, set: { ended_at: at } });
}

/** Housekeeping: sessions past their absolute limit are of no further use (they never held more than a link). */
export async function deleteStatusSessionsExpiredBefore(db: Database, before: string): Promise<number> {
  const result = await db.deleteFrom("status_sessions").where("expires_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
