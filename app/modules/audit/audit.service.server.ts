import crypto from "node:crypto";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { auditEventsInOrder, insertAuditEvent, lastAuditEvent, type AuditRow } from "./audit.repository.server";

export type AuditInput = {
  actor: { id: string; role: string } | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
  at: Date;
};

/** Who acts: any account (signed in, staff, an API token's owner); the log keeps only its id and role. */
export type AuditActor = { id: string; role: string };
/** What is acted on: a referral, a user, a site… and its id (null where there is no one thing, e.g. an export). */
export type AuditSubject = readonly [type: string, id: string | null];
/** When and from where: the `{ now, ip }` every action already carries (no ip for what the portal does itself). */
export type AuditContext = { now: Date; ip?: string | null };
/** Records one event of one actor's request: what was done, to what, and its particulars (never clinical text). */
export type AuditRecorder = (action: string, subject: AuditSubject, detail?: Record<string, unknown>) => Promise<void>;

/** The stored input of one event: the actor cut down to its id and role, the context's moment and address. */
export function auditInputOf(
  actor: AuditActor | null,
  context: AuditContext,
  event: { action: string; subject: AuditSubject; detail?: Record<string, unknown> },
): AuditInput {
  return {
    actor: actor && { id: actor.id, role: actor.role },
    action: event.action,
    subjectType: event.subject[0],
    subjectId: event.subject[1],
    detail: event.detail,
    ip: context.ip,
    at: context.now,
  };
}

export const GENESIS = "0".repeat(64);

function hashOf(row: Omit<AuditRow, "hash">): string {
  const canonical = JSON.stringify([
    row.seq,
    row.id,
    row.occurred_at,
    row.actor_user_id,
    row.actor_role,
    row.action,
    row.subject_type,
    row.subject_id,
    row.detail,
    row.ip,
    row.prev_hash,
  ]);
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

/**
 * Appends one event, chained to the previous one by hash so a silent edit or deletion is detectable.
 * Call inside the transaction that makes the change, so the change and its record stand or fall together.
 */
export async function recordAudit(db: Database, input: AuditInput): Promise<void> {
  // Reading the chain's head and appending to it are one step: alone, the record takes a transaction of its own.
  if (!db.isTransaction) return db.transaction().execute((trx) => recordAudit(trx, input));
  const last = await lastAuditEvent(db);
  const row: Omit<AuditRow, "hash"> = {
    id: newId(),
    seq: (last?.seq ?? 0) + 1,
    occurred_at: input.at.toISOString(),
    actor_user_id: input.actor?.id ?? null,
    actor_role: input.actor?.role ?? null,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    detail: JSON.stringify(input.detail ?? {}),
    ip: input.ip ?? null,
    prev_hash: last?.hash ?? GENESIS,
  };
  await insertAuditEvent(db, { ...row, hash: hashOf(row) });
}

/**
 * The events `actor` causes in this request, recorded in `db` (the change's transaction, as for recordAudit):
 * `const audit = auditBy(trx, staff, context); await audit("referral.noted", ["referral", id], { noteId });`
 */
export function auditBy(db: Database, actor: AuditActor | null, context: AuditContext): AuditRecorder {
  return (action, subject, detail) => recordAudit(db, auditInputOf(actor, context, { action, subject, detail }));
}

/** The first of `rows` (in order, continuing a chain whose last hash is `previous`) that does not match, or null. */
export function firstBrokenLink(rows: readonly AuditRow[], previous = GENESIS): { seq: number } | null {
  for (const row of rows) {
    const { hash, ...rest } = row;
    if (row.prev_hash !== previous || hashOf(rest) !== hash) return { seq: row.seq };
    previous = hash;
  }
  return null;
}

/** The first event whose hash or link does not match, or null when the chain is intact. */
export async function verifyAuditChain(db: Database): Promise<{ seq: number } | null> {
  return firstBrokenLink(await auditEventsInOrder(db));
}
