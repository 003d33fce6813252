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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("sign_in_devices").execute();
}
