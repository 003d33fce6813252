import { sql, type Kysely } from "kysely";

// Frozen once landed. Konyang and QST reviewing cases together (docs/decisions/0018-joint-review-and-conferences.md):
// a referral opened to the partner site for joint review, the thread the two teams write in, the joint case
// conferences with their attendees and agenda, and the recommendation the chair records for each case.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("joint_reviews")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    // The site that owns the referral when it was proposed, and the site asked to read it with them.
    .addColumn("owner_site_code", "text", (c) => c.notNull().references("sites.code"))
    .addColumn("partner_site_code", "text", (c) => c.notNull().references("sites.code"))
    // The question the presenter brings to the conference.
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // open | closed
    .addColumn("proposed_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("proposed_at", "text", (c) => c.notNull())
    .addColumn("closed_by", "text", (c) => c.references("users.id"))
    .addColumn("closed_at", "text")
    .addColumn("close_reason", "text") // closed_by_owner | referral_left_site
    .execute();
  // At most one open joint review per referral: the partner's access hangs on it.
  await db.schema
    .createIndex("joint_reviews_open_idx")
    .on("joint_reviews")
    .column("referral_id")
    .unique()
    .where(sql.ref("status"), "=", "open")
    .execute();
  await db.schema
    .createIndex("joint_reviews_partner_idx")
    .on("joint_reviews")
    .columns(["partner_site_code", "status"])
    .execute();

  await db.schema
    .createTable("joint_messages")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("joint_review_id", "text", (c) => c.notNull().references("joint_reviews.id"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("author_site_code", "text", (c) => c.notNull().references("sites.code"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("joint_messages_review_idx")
    .on("joint_messages")
    .columns(["joint_review_id", "created_at"])
    .execute();

  await db.schema
    .createTable("conferences")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("starts_at", "text", (c) => c.notNull()) // an instant; each reader sees it on their own site's clock
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("agenda_cutoff_at", "text", (c) => c.notNull()) // an instant before starts_at
    .addColumn("place", "text")
    .addColumn("video_url", "text")
    .addColumn("chair_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("status", "text", (c) => c.notNull()) // scheduled | held
    .addColumn("held_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_site_code", "text", (c) => c.notNull().references("sites.code"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("conferences_start_idx")
    .on("conferences")
    .columns(["status", "agenda_cutoff_at"])
    .execute();

  await db.schema
    .createTable("conference_attendees")
    .addColumn("conference_id", "text", (c) => c.notNull().references("conferences.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("site_code", "text", (c) => c.notNull().references("sites.code"))
    .addPrimaryKeyConstraint("conference_attendees_pk", ["conference_id", "user_id"])
    .execute();

  // One agenda line per joint review and conference; the recommendation columns fill in during the meeting.
  await db.schema
    .createTable("agenda_items")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("conference_id", "text", (c) => c.notNull().references("conferences.id"))
    .addColumn("joint_review_id", "text", (c) => c.notNull().references("joint_reviews.id"))
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addColumn("recommendation", "text") // treat_at_qst | workup_at_konyang | not_recommended | more_information
    .addColumn("rationale", "text")
    .addColumn("present_json", "text") // the attendees' user ids present for this case
    .addColumn("recorded_by", "text", (c) => c.references("users.id"))
    .addColumn("recorded_at", "text")
    .execute();
  await db.schema
    .createIndex("agenda_items_unique_idx")
    .on("agenda_items")
    .columns(["conference_id", "joint_review_id"])
    .unique()
    .execute();
  await db.schema.createIndex("agenda_items_referral_idx").on("agenda_items").column("referral_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("agenda_items").execute();
  await db.schema.dropTable("conference_attendees").execute();
  await db.schema.dropTable("conferences").execute();
  await db.schema.dropTable("joint_messages").execute();
  await db.schema.dropTable("joint_reviews").execute();
}
