import type { Insertable } from "kysely";
import type { Database } from "~/utils/db.server";
import type { Referrals } from "../../../db/types";

type DraftRow = Pick<
  Insertable<Referrals>,
  | "id"
  | "physician_id"
  | "case_json"
  | "created_at"
  | "previous_referral_id"
  | "patient_family_name"
  | "patient_given_name"
  | "patient_latin_name"
  | "patient_birth_date"
  | "patient_language"
  | "indication"
  | "urgency"
>;

/** A new draft that follows an earlier referral (status draft, no code, no site, like every draft). */
export async function insertFollowUpDraft(db: Database, row: DraftRow): Promise<void> {
  await db
    .insertInto("referrals")
    .values({
      ...row,
      status: "draft",
      reference_code: null,
      site_code: null,
      updated_at: row.created_at,
      status_changed_at: row.created_at,
    })
    .execute();
}

/** The referral made again from this one, if any (the newest). */
export async function followUpOf(db: Database, referralId: string) {
  return db
    .selectFrom("referrals")
    .select(["id", "reference_code", "status"])
    .where("previous_referral_id", "=", referralId)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function referralHead(db: Database, referralId: string) {
  return db
    .selectFrom("referrals")
    .select(["id", "reference_code", "status", "physician_id"])
    .where("id", "=", referralId)
    .executeTakeFirst();
}
