import type { Kysely } from "kysely";

// Frozen once landed. Staff exchange (docs/decisions/0017-staff-exchange.md): an administrator lets a coordinator or
// reviewer of one site work as a member of the other site's team between two calendar dates.
// `from_date` and `to_date` are ISO calendar dates, both included, read in the HOST site's time zone: a grant opens
// and closes at the host's midnight, since it is the host's patients the visitor sees. A grant is never deleted;
// revoking it stamps `revoked_at`, so the page and the audit log keep what was allowed and when.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("staff_exchange_grants")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("host_site_code", "text", (c) => c.notNull().references("sites.code"))
    .addColumn("from_date", "text", (c) => c.notNull())
    .addColumn("to_date", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("granted_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "text", (c) => c.references("users.id"))
    .execute();
  // Every staff request asks "is this person's grant at this host in force today": one index answers it.
  await db.schema
    .createIndex("staff_exchange_grants_user_idx")
    .on("staff_exchange_grants")
    .columns(["user_id", "host_site_code", "to_date"])
    .execute();
  await db.schema
    .createIndex("staff_exchange_grants_host_idx")
    .on("staff_exchange_grants")
    .columns(["host_site_code", "to_date"])
    .execute();

  // The site a signed-in visitor chose to work for, kept on the server-side session (never in a cookie or URL).
  // It is only a wish: every request checks it against a grant in force, and falls back to the home site without one.
  await db.schema
    .alterTable("sessions")
    .addColumn("working_site_code", "text", (c) => c.references("sites.code"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sessions").dropColumn("working_site_code").execute();
  await db.schema.dropIndex("staff_exchange_grants_host_idx").execute();
  await db.schema.dropIndex("staff_exchange_grants_user_idx").execute();
  await db.schema.dropTable("staff_exchange_grants").execute();
}
