import type { Database } from "~/utils/db.server";

// A new draft that follows an earlier referral is inserted by intake.repository.server.ts (insertDraft), like every draft.

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
