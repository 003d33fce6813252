import type { Kysely } from "kysely";

// Frozen once landed. Patient notifications (docs/decisions/0020-patient-notifications-and-status-language.md).
// Whether a patient wants to be told is part of the case (consent.statusUpdates and the address it names); these
// tables only keep what the mail itself creates: the one-link unsubscribe tokens, and the stops they record.
// - `patient_notification_tokens`: each message carries its own random token; only its SHA-256 is kept, so the
//   table alone opens nothing. Any of a referral's tokens stops that referral's messages on its channel.
// - `patient_notification_stops`: one row per referral and channel once the patient has said "no more" (never
//   deleted: a later status change must find it). The audit log records who stopped what, and when.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("patient_notification_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey().notNull())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("patient_notification_tokens_referral_idx")
    .on("patient_notification_tokens")
    .column("referral_id")
    .execute();
  await db.schema
    .createTable("patient_notification_stops")
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("stopped_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("patient_notification_stops_pk", ["referral_id", "channel"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("patient_notification_stops").execute();
  await db.schema.dropIndex("patient_notification_tokens_referral_idx").execute();
  await db.schema.dropTable("patient_notification_tokens").execute();
}
