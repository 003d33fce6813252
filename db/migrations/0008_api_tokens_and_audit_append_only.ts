import { PostgresAdapter, sql, type Kysely } from "kysely";

// Frozen once landed. API tokens for the JSON doors (shared/domain/api.md), and the audit log made append-only
// in the database itself, so not even a bug or a stray script in the application can rewrite history
// (docs/decisions/0010-api-tokens-and-audit-page.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    // SHA-256 of the token, never the token itself: a copy of the database opens no door.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    // The token's first characters, so its owner can tell one from another ("kq_AbC1…"); far too few to guess it.
    .addColumn("token_prefix", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("api_tokens_user_idx").on("api_tokens").columns(["user_id", "created_at"]).execute();

  // The admin audit page filters by actor or action and pages by seq (keyset).
  await db.schema.createIndex("audit_actor_idx").on("audit_events").columns(["actor_user_id", "seq"]).execute();
  await db.schema.createIndex("audit_action_idx").on("audit_events").columns(["action", "seq"]).execute();
  await db.schema.createIndex("audit_occurred_idx").on("audit_events").columns(["occurred_at"]).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // The same rule in PostgreSQL's words (not run here yet: the portal runs on SQLite today).
    await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_events is append-only'; end $$`.execute(db);
    await sql`create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`.execute(db);
    return;
  }
  // SQLite: ABORT undoes the statement and fails it; the surrounding transaction (the change being audited) fails too.
  await sql`create trigger audit_events_no_update before update on audit_events
    begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
  await sql`create trigger audit_events_no_delete before delete on audit_events
    begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger audit_events_no_truncate on audit_events`.execute(db);
    await sql`drop trigger audit_events_no_change on audit_events`.execute(db);
    await sql`drop function audit_events_append_only()`.execute(db);
  } else {
    await sql`drop trigger audit_events_no_delete`.execute(db);
    await sql`drop trigger audit_events_no_update`.execute(db);
  }
  for (const index of ["audit_occurred_idx", "audit_action_idx", "audit_actor_idx", "api_tokens_user_idx"])
    await db.schema.dropIndex(index).execute();
  await db.schema.dropTable("api_tokens").execute();
}
