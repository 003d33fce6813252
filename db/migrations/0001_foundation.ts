import type { Kysely } from "kysely";

// Frozen once landed: add a new numbered migration instead of editing this one.
// Ids are application-generated text (UUIDs), timestamps ISO-8601 text, booleans 0/1 integers,
// so the same SQL runs on SQLite now and PostgreSQL later.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sites")
    .addColumn("code", "text", (c) => c.primaryKey().notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("timezone", "text", (c) => c.notNull())
    .addColumn("name_ko", "text", (c) => c.notNull())
    .addColumn("name_ja", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .execute();

  // The two partner sites are reference data every database needs, demo or not.
  await db
    .insertInto("sites" as never)
    .values([
      {
        code: "konyang",
        country: "KR",
        timezone: "Asia/Seoul",
        name_ko: "건양대학교병원",
        name_ja: "建陽大学病院",
        name_en: "Konyang University Hospital",
      },
      {
        code: "qst",
        country: "JP",
        timezone: "Asia/Tokyo",
        name_ko: "QST 병원",
        name_ja: "QST病院",
        name_en: "QST Hospital",
      },
    ] as never)
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("family_name", "text", (c) => c.notNull())
    .addColumn("given_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("site_code", "text", (c) => c.references("sites.code"))
    .addColumn("institution", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("preferred_language", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("approved_by", "text", (c) => c.references("users.id"))
    .addColumn("approved_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("failed_login_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .execute();
  await db.schema.createIndex("users_status_idx").on("users").columns(["status", "created_at"]).execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey().notNull()) // SHA-256 of the cookie token, never the token itself
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("ip", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey().notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("seq", "integer", (c) => c.notNull().unique())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_role", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text")
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_subject_idx").on("audit_events").columns(["subject_type", "subject_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["audit_events", "rate_limits", "sessions", "users", "sites"]) {
    await db.schema.dropTable(table).execute();
  }
}
