// An audit event in words for people: who (family name first), what as a sentence in the reader's language, about
// what (a referral's code, an account's name, a site's name). Pure: the translator comes in; the raw event stays
// available beside it. Korean particles follow the actor's last syllable (es-hangul), so a sentence reads naturally
// whoever acted.
import { isIsoDate } from "~/domain/case/dates";
import { formatCalendarDate } from "~/i18n/format";
import { personName } from "~/i18n/person-name";
import { josa } from "es-hangul";
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";

export type AuditEventRow = {
  seq: number;
  occurred_at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: string;
  ip: string | null;
  actor_email: string | null;
  actor_family_name: string | null;
  actor_given_name: string | null;
  subject_reference_code: string | null;
  subject_family_name: string | null;
  subject_given_name: string | null;
};

export type SiteNamesByCode = Record<string, Record<Language, string>>;

/** The actor's name, family name first; or who acted when no account did. */
export function actorName(row: AuditEventRow, t: TFunction): string {
  if (row.actor_user_id && row.actor_family_name !== null)
    return personName(row.actor_family_name, row.actor_given_name ?? "");
  if (row.actor_user_id) return t("audit:sentences.unknownAccount");
  return row.actor_role === "system" ? t("audit:actor.system") : t("audit:actor.anonymous");
}

/** What the event is about, as people name it. */
export function subjectWords(row: AuditEventRow, lng: Language, t: TFunction, sites: SiteNamesByCode): string {
  switch (row.subject_type) {
    case "referral":
      if (row.subject_reference_code) return row.subject_reference_code;
      return row.subject_id ? t("audit:sentences.draftReferral") : t("audit:sentences.unknownReferral");
    case "user":
      return row.subject_family_name !== null
        ? personName(row.subject_family_name, row.subject_given_name ?? "")
        : t("audit:sentences.anAccount");
    case "site":
      return (row.subject_id && sites[row.subject_id]?.[lng]) || (row.subject_id ?? "");
    case "conference":
      return t("audit:sentences.aConference");
    default:
      return row.subject_id ?? "";
  }
}

/**
 * A staff exchange's sentence names the host site and the grant's days, which only its detail holds (the subject is
 * the visitor). Dates are the host's calendar dates, written in the reader's language.
 */
function exchangeParams(row: AuditEventRow, lng: Language, sites: SiteNamesByCode): Record<string, string> {
  if (!row.action.startsWith("staff_exchange.")) return {};
  let detail: Record<string, unknown>;
  try {
    detail = JSON.parse(row.detail) as Record<string, unknown>;
  } catch {
    return {};
  }
  const site = (code: unknown) => (typeof code === "string" ? (sites[code]?.[lng] ?? code) : "");
  const day = (iso: unknown) => (isIsoDate(iso) ? formatCalendarDate(iso, lng) : "");
  return { hostSite: site(detail.hostSite), from: day(detail.from), to: day(detail.to) };
}

/** The event as one sentence; an action the portal has no sentence for yet still reads, with its label. */
export function auditSentence(row: AuditEventRow, lng: Language, t: TFunction, sites: SiteNamesByCode): string {
  const person = row.actor_user_id && row.actor_family_name !== null;
  let actor = actorName(row, t);
  // Korean: a person is named with 님; the subject particle follows the last syllable (이수진 님이, 사용자가).
  if (lng === "ko") actor = josa(person ? t("audit:sentences.honorific", { name: actor }) : actor, "이/가");
  else if (person) actor = t("audit:sentences.honorific", { name: actor });
  const subject = subjectWords(row, lng, t, sites);
  const key = `audit:sentences.actions.${row.action}`;
  const params = {
    actor,
    subject,
    action: t(`audit:actions.${row.action}`, { defaultValue: row.action }),
    ...exchangeParams(row, lng, sites),
  };
  // The generic sentence only for an action without its own (writing it for every row was half the sentence work).
  return t(key, { ...params, defaultValue: "" }) || t("audit:sentences.generic", params);
}
