import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { dateTimeFormat } from "~/i18n/format";
import { auditSentence, actorName, subjectWords, type AuditEventRow, type SiteNamesByCode } from "./audit-words";

/**
 * The shared, cached formatter (app/i18n/format.ts): to the second, 24-hour, in the administrator's time zone,
 * formatted on the server so the page and the export say the same.
 */
export function auditTimeFormat(lng: Language, timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat(lng, "dateTimeSeconds", timeZone);
}

/** The stored event, as it is kept (detail parsed back from its JSON text when it is JSON). */
export function rawEvent(row: AuditEventRow): string {
  let detail: unknown = row.detail;
  try {
    detail = JSON.parse(row.detail);
  } catch {
    // Kept as text: the raw view shows what is stored.
  }
  const { seq, occurred_at, actor_user_id, actor_role, action, subject_type, subject_id, ip } = row;
  return JSON.stringify(
    { seq, occurred_at, actor_user_id, actor_role, action, subject_type, subject_id, detail, ip },
    null,
    2,
  );
}

/** One audit event as the page and the export read it: the stored record in camelCase, and the same in words. */
export type AuditEntry = {
  seq: number;
  /** The stored instant (UTC ISO) and the same on the reader's clock. */
  occurredAt: string;
  atText: string;
  actor: { id: string; email: string | null; familyName: string | null; givenName: string | null } | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  ip: string | null;
  /** The detail as stored (JSON text). */
  detail: string;
  /** In words: the actor's name (family name first), the event as a sentence, its subject as people name it. */
  actorName: string;
  sentence: string;
  subjectLabel: string;
  referenceCode: string | null;
  raw: string;
};

/** One event for people: the sentence, the names, the subject's label, and the raw record one click away. */
export function describeAuditEvent(
  row: AuditEventRow,
  lng: Language,
  t: TFunction,
  sites: SiteNamesByCode,
  when: Intl.DateTimeFormat,
): AuditEntry {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at,
    atText: when.format(new Date(row.occurred_at)),
    actor: row.actor_user_id
      ? {
          id: row.actor_user_id,
          email: row.actor_email,
          familyName: row.actor_family_name,
          givenName: row.actor_given_name,
        }
      : null,
    actorRole: row.actor_role,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    ip: row.ip,
    detail: row.detail,
    actorName: actorName(row, t),
    sentence: auditSentence(row, lng, t, sites),
    subjectLabel: subjectWords(row, lng, t, sites),
    referenceCode: row.subject_type === "referral" ? row.subject_reference_code : null,
    raw: rawEvent(row),
  };
}
