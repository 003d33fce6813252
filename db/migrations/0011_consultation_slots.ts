import type { Kysely } from "kysely";

// Frozen once landed. Each site's consultation slots (docs/decisions/0013-scheduling-and-audit-page.md).
// A slot is a start instant plus the same moment as the site's wall-clock date and time: the instant orders and
// compares; the local date and time are what people see and type, and what the calendar file carries with its TZID.
// A booking fills `referral_id`; a coordinator's booking outside the planned slots is stored as a slot of kind
// "override", so every booked consultation occupies its time and the next booking cannot take it again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("consultation_slots")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("site_code", "text", (c) => c.notNull().references("sites.code"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("local_date", "text", (c) => c.notNull())
    .addColumn("local_time", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("referral_id", "text", (c) => c.references("referrals.id"))
    .addColumn("booked_at", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // One slot per site and start: a weekly pattern laid over existing slots skips them instead of doubling them.
  await db.schema
    .createIndex("consultation_slots_site_start_idx")
    .on("consultation_slots")
    .columns(["site_code", "starts_at"])
    .unique()
    .execute();
  // A referral holds at most one slot: rebooking frees the old one in the same transaction.
  await db.schema
    .createIndex("consultation_slots_referral_idx")
    .on("consultation_slots")
    .column("referral_id")
    .unique()
    .where("referral_id", "is not", null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("consultation_slots_referral_idx").execute();
  await db.schema.dropIndex("consultation_slots_site_start_idx").execute();
  await db.schema.dropTable("consultation_slots").execute();
}
