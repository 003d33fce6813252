import type { Database } from "~/utils/db.server";
import type { AuditEvents } from "../../../db/types";
import type { Selectable } from "kysely";

export type AuditRow = Selectable<AuditEvents>;

export async function lastAuditEvent(db: Database) {
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
  return db
    .selectFrom("audit_events")
    .selectAll()
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", subjectId)
    .orderBy("seq", "asc")
    .execute();
}
