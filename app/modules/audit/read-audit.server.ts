import type { Database } from "~/utils/db.server";
import {
  auditInputOf,
  recordAudit,
  type AuditActor,
  type AuditContext,
  type AuditInput,
  type AuditRecorder,
} from "./audit.service.server";

// Every reading of a referral is audited, and every audit event is a durable commit: with synchronous = FULL that
// is an fsync (about 5 ms on this machine), during which better-sqlite3 holds the whole event loop. One commit per
// reading capped every page that reads a referral at a few dozen a second and stalled every other request
// meanwhile. So the readings that arrive in the same turn of the event loop are written in one transaction (group
// commit): each request still answers only once its event is on disk, but concurrent readers share one fsync.
// Only for readings, which change nothing else: a change and its audit event stay in the change's own transaction.

type Pending = { input: AuditInput; resolve: () => void; reject: (error: unknown) => void };
const waiting = new WeakMap<Database, Pending[]>();

async function writeBatch(db: Database): Promise<void> {
  const batch = waiting.get(db) ?? [];
  waiting.delete(db);
  try {
    await db.transaction().execute(async (trx) => {
      for (const pending of batch) await recordAudit(trx, pending.input);
    });
    for (const pending of batch) pending.resolve();
  } catch (error) {
    for (const pending of batch) pending.reject(error);
  }
}

/** Audits a reading; resolves once the event is committed (with the other readings of the same moment). */
export function recordReading(db: Database, input: AuditInput): Promise<void> {
  return new Promise((resolve, reject) => {
    let batch = waiting.get(db);
    if (!batch) {
      waiting.set(db, (batch = []));
      setImmediate(() => void writeBatch(db));
    }
    batch.push({ input, resolve, reject });
  });
}

/** The readings `actor` makes in this request, as auditBy records changes, but batched as recordReading does. */
export function readingsBy(db: Database, actor: AuditActor | null, context: AuditContext): AuditRecorder {
  return (action, subject, detail) => recordReading(db, auditInputOf(actor, context, { action, subject, detail }));
}
