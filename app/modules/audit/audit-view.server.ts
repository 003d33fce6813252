import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { dateTimeFormat } from "~/i18n/datetime";
import { auditSentence, actorName, subjectWords, type AuditEventRow, type SiteNamesByCode } from "./audit-words";

/**
 * The shared, cached formatter (app/i18n/datetime.ts): to the second, 24-hour, in the administrator's time zone,
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

/** One event for people: the sentence, the names, the subject's label, and the raw record one click away. */
export function describeAuditEvent(
  row: AuditEventRow,
  lng: Language,
  t: TFunction,
  sites: SiteNamesByCode,
  when: Intl.DateTimeFormat,
) {
  return {
    atText: when.format(new Date(row.occurred_at)),
    actorName: actorName(row, t),
    sentence: auditSentence(row, lng, t, sites),
    subjectLabel: subjectWords(row, lng, t, sites),
    referenceCode: row.subject_type === "referral" ? row.subject_reference_code : null,
    raw: rawEvent(row),
  };
}
