import type { Kysely } from "kysely";

// Frozen once landed. The referral, its append-only history, and every screen decision it received.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("referrals")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("reference_code", "text", (c) => c.unique()) // issued at submission; drafts have none
    .addColumn("physician_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("site_code", "text", (c) => c.references("sites.code"))
    .addColumn("case_json", "text", (c) => c.notNull())
    // Copies of a few case fields, for search, sorting and the patient's status check.
    .addColumn("patient_family_name", "text")
    .addColumn("patient_given_name", "text")
    .addColumn("patient_latin_name", "text")
    .addColumn("patient_birth_date", "text")
    .addColumn("patient_language", "text")
    .addColumn("indication", "text")
    .addColumn("urgency", "text", (c) => c.notNull().defaultTo("routine"))
    .addColumn("screen_outcome", "text")
    .addColumn("decision_json", "text")
    .addColumn("assignee_id", "text", (c) => c.references("users.id"))
    .addColumn("consultation_json", "text")
    // The clock (workflow.md): working days used before the current running period, when it runs
    // since, and the due date while it runs; null running_since = paused or stopped.
    .addColumn("clock_used_days", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("clock_running_since", "text")
    .addColumn("clock_due_on", "text")
    .addColumn("first_decision_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("status_changed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("referrals_physician_idx")
    .on("referrals")
    .columns(["physician_id", "updated_at"])
    .execute();
  await db.schema
    .createIndex("referrals_queue_idx")
    .on("referrals")
    .columns(["site_code", "status", "clock_due_on", "id"])
    .execute();

  await db.schema
    .createTable("referral_events")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("seq", "integer", (c) => c.notNull()) // 1, 2, 3… within the referral: the history's order
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text", (c) => c.references("users.id"))
    .addColumn("actor_role", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("site_code", "text")
    .addColumn("reason_code", "text")
    .addColumn("note", "text")
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema
    .createIndex("referral_events_referral_idx")
    .on("referral_events")
    .columns(["referral_id", "seq"])
    .unique()
    .execute();

  await db.schema
    .createTable("referral_screens")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("screened_at", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("ruleset_version", "text", (c) => c.notNull())
    .addColumn("site_config_versions", "text", (c) => c.notNull())
    .addColumn("decision_json", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("referral_screens_referral_idx")
    .on("referral_screens")
    .columns(["referral_id", "screened_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["referral_screens", "referral_events", "referrals"]) await db.schema.dropTable(table).execute();
}
