import type { Insertable } from "kysely";
import type { Database } from "~/utils/db.server";
import { findRow } from "~/utils/db-rows.server";
import type { PatientNotificationTokens } from "../../../db/types";

// Unsubscribe tokens (hashed) and the stops they record (migration 0015).

export async function insertNoticeToken(db: Database, row: Insertable<PatientNotificationTokens>) {
  await db.insertInto("patient_notification_tokens").values(row).execute();
}

/** A token by its hash, with the patient's language of its referral (for the page it opens). */
export async function findNoticeToken(db: Database, tokenHash: string) {
  return db
    .selectFrom("patient_notification_tokens as t")
    .innerJoin("referrals as r", "r.id", "t.referral_id")
    .select(["t.referral_id", "t.channel", "r.patient_language"])
    .where("t.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function findStop(db: Database, referralId: string, channel: string) {
  return findRow(db, "patient_notification_stops", { referral_id: referralId, channel });
}

/** Records the stop once; true when this call recorded it (false: it was already stopped). */
export async function insertStop(db: Database, referralId: string, channel: string, at: string): Promise<boolean> {
  const result = await db
    .insertInto("patient_notification_stops")
    .values({ referral_id: referralId, channel, stopped_at: at })
    .onConflict((oc) => oc.columns(["referral_id", "channel"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
