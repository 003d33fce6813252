import { sql } from "kysely";
import type { Database } from "~/utils/db.server";
import { isPostgres } from "../../db/dialect";

/**
 * Lifts the database's refusal to edit the audit log (migration 0008), as someone holding the database itself could:
 * SQLite's file owner drops the trigger, PostgreSQL's table owner disables it. Tests use it to forge an event and see
 * the hash chain catch it.
 */
export async function allowAuditEdits(db: Database): Promise<void> {
  if (isPostgres(db)) await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db);
  else await sql`drop trigger audit_events_no_update`.execute(db);
}
