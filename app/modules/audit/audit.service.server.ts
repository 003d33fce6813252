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
