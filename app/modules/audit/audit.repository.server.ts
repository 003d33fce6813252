import type { Database } from "~/utils/db.server";
import { rowsWhere } from "~/utils/db-rows.server";
import type { AuditEvents } from "../../../db/types";
import { sql, type Selectable } from "kysely";
import { isPostgres } from "../../../db/dialect";

export type AuditRow = Selectable<AuditEvents>;

// pg_advisory_xact_lock's key for "appending to the audit chain" (any fixed number no other lock in the portal uses).
const AUDIT_CHAIN_LOCK = 7_310_001;

/**
 * The chain's head (last seq and hash). On PostgreSQL it is read under a lock held until the caller's transaction
 * ends, so two app servers never chain two events to the same head; SQLite's single writer already does that.
 */
export async function lastAuditEvent(db: Database) {
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK)})`.execute(db);
  return db.selectFrom("audit_events").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
}

export async function insertAuditEvent(db: Database, row: AuditRow) {
  await db.insertInto("audit_events").values(row).execute();
}

export async function auditEventsAfter(db: Database, seq: number) {
  return db.selectFrom("audit_events").selectAll().where("seq", ">", seq).orderBy("seq", "asc").execute();
}

export async function auditEventsInOrder(db: Database) {
  return db.selectFrom("audit_events").selectAll().orderBy("seq", "asc").execute();
}

export async function auditEventsFor(db: Database, subjectType: string, subjectId: string) {
  return rowsWhere(db, "audit_events", { subject_type: subjectType, subject_id: subjectId })
    .orderBy("seq", "asc")
    .execute();
}
