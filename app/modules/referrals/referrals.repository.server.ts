import type { Insertable, Selectable, Updateable } from "kysely";
import type { Database } from "~/utils/db.server";
import { findRow, rowsWhere, updateRows } from "~/utils/db-rows.server";
import type { ReferralEvents, Referrals, ReferralScreens } from "../../../db/types";
import { isPostgres } from "../../../db/dialect";

export type ReferralRow = Selectable<Referrals>;
export type ReferralEventRow = Selectable<ReferralEvents>;
export type ReferralScreenRow = Selectable<ReferralScreens>;

export async function insertReferral(db: Database, row: Insertable<Referrals>) {
  await db.insertInto("referrals").values(row).execute();
}

export async function updateReferral(db: Database, id: string, patch: Updateable<Referrals>) {
  await updateRows(db, "referrals", { where: { id }, set: patch });
}

/**
 * A referral by id. Inside a transaction on PostgreSQL the row is locked until it ends (FOR UPDATE): the services read a
 * referral, check the step against its state and write, and two app servers must not both pass the check (two claims,
 * two decisions). SQLite needs no lock: one writer at a time holds the whole file.
 */
export async function findReferral(db: Database, id: string) {
  return rowsWhere(db, "referrals", { id })
    .$if(db.isTransaction && isPostgres(db), (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function findReferralByCode(db: Database, referenceCode: string) {
  return findRow(db, "referrals", { reference_code: referenceCode });
}

export async function referenceCodeTaken(db: Database, referenceCode: string) {
  return !!(await db
    .selectFrom("referrals")
    .select("id")
    .where("reference_code", "=", referenceCode)
    .executeTakeFirst());
}

/** Appends to a referral's history; the sequence number is the next in that referral (call inside a transaction). */
export async function insertReferralEvent(db: Database, row: Omit<Insertable<ReferralEvents>, "seq">) {
  const last = await db
    .selectFrom("referral_events")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("referral_id", "=", row.referral_id)
    .executeTakeFirst();
  await db
    .insertInto("referral_events")
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export async function referralEvents(db: Database, referralId: string) {
  return rowsWhere(db, "referral_events", { referral_id: referralId }).orderBy("seq", "asc").execute();
}

export async function insertReferralScreen(db: Database, row: Insertable<ReferralScreens>) {
  await db.insertInto("referral_screens").values(row).execute();
}

export async function referralScreens(db: Database, referralId: string) {
  return rowsWhere(db, "referral_screens", { referral_id: referralId }).orderBy("screened_at", "asc").execute();
}

/** Referrals open at a site, for the router's capacity step. */
export async function openCountsBySite(db: Database) {
  return db
    .selectFrom("referrals")
    .select(["site_code", db.fn.countAll<number>().as("open")])
    .where("status", "in", ["submitted", "triage", "redirected", "in_review", "info_requested"])
    .groupBy("site_code")
    .execute();
}
