import type { Kysely } from "kysely";

// Frozen once landed. ASVS level 2 (docs/decisions/0021-asvs-level-2.md).
//
// sign_in_devices: the OWASP "device cookie" of a browser that has signed in to an account before. The cookie holds a
// random token; the table only its SHA-256, whose account it names, and when it expires. A browser that presents one
// is not slowed down by what strangers do to the account from elsewhere.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sign_in_devices")
    .addColumn("token_hash", "text", (c) => c.primaryKey().notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sign_in_devices_user_idx").on("sign_in_devices").columns(["user_id"]).execute();
  await db.schema.createIndex("sign_in_devices_expiry_idx").on("sign_in_devices").columns(["expires_at"]).execute();

  // mfa_factors: one time-based one-time-code factor (RFC 6238) per account. `confirmed_at` is null while the person is
  // still enrolling (the secret shown, no code yet typed back); `last_step` is the time step of the last code accepted,
  // so a code works once.
  await db.schema
    .createTable("mfa_factors")
    .addColumn("user_id", "text", (c) => c.primaryKey().notNull().references("users.id"))
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("last_step", "integer")
    .execute();
  // Ten single-use recovery codes per enrolment, kept as SHA-256 only.
  await db.schema
    .createTable("mfa_recovery_codes")
    .addColumn("code_hash", "text", (c) => c.primaryKey().notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("mfa_recovery_codes_user_idx").on("mfa_recovery_codes").columns(["user_id"]).execute();
  // The step between a right password and a right code: a short-lived challenge named by a cookie (its hash here).
  await db.schema
    .createTable("mfa_challenges")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("mfa_challenges_expiry_idx").on("mfa_challenges").columns(["expires_at"]).execute();

  // retention_runs: each run of the housekeeping job, with how many rows of each kind it removed (counts only).
  await db.schema
    .createTable("retention_runs")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text", (c) => c.notNull())
    .addColumn("counts_json", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("retention_runs").execute();
  await db.schema.dropTable("mfa_challenges").execute();
  await db.schema.dropTable("mfa_recovery_codes").execute();
  await db.schema.dropTable("mfa_factors").execute();
  await db.schema.dropTable("sign_in_devices").execute();
}
