import type { Kysely } from "kysely";

// Frozen once landed. The patient's short status session (docs/decisions/0007-patient-status-lookup.md):
// after a correct reference code and date of birth, the browser holds a random token in a cookie and the database
// only its SHA-256 here, linked to the referral. No code, no birth date, no health data in the cookie or this table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("status_sessions")
    .addColumn("id", "text", (c) => c.primaryKey().notNull()) // SHA-256 of the cookie token, never the token itself
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull()) // the idle limit counts from here
    .addColumn("expires_at", "text", (c) => c.notNull()) // an absolute limit, whatever the activity
    .addColumn("ended_at", "text") // "finish" / "check another referral", or found expired
    .execute();
  await db.schema.createIndex("status_sessions_referral_idx").on("status_sessions").column("referral_id").execute();
  await db.schema.createIndex("status_sessions_expires_idx").on("status_sessions").column("expires_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("status_sessions").execute();
}
