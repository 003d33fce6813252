import { formatCalendarDate } from "~/i18n/format";
import { personName } from "~/i18n/person-name";
import { isLanguage, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import type { TFunction } from "i18next";
import { sitePlace } from "~/modules/scheduling/site-place";
import type { SiteContacts } from "~/modules/site-contacts/site-contacts";
import { insertMail } from "./outbox.repository.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";

export const notificationKinds = [
  "info_requested",
  "accepted",
  "declined",
  "redirected",
  "scheduled",
  "message",
  "joint_recommendation",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NotificationFacts = {
  referenceCode: string;
  /** The site the message speaks for (for a redirect: the site the referral moved to). */
  siteName: Record<Language, string>;
  documents?: string[];
  fields?: string[];
  reasonCode?: string;
  consultation?: { date: string; time: string; place: string; interpreter?: string };
  /** The site's code, for its address and map link in a consultation's mail. */
  siteCode?: string;
  /** The site's contact details in force (only confirmed ones are written into mail). */
  siteContacts?: SiteContacts | null;
  /** The consultation's calendar file on the portal (opens after sign-in). */
  calendarLink?: string;
  /** A joint conference's recommendation code (its rationale stays in the portal). */
  recommendation?: string;
};

export type Recipient = { email: string; familyName: string; givenName: string; language: string };

/** A consultation's address, map link and calendar file, each on its own line so mail programs make them links. */
function placeLines(
  contacts: SiteContacts | null | undefined,
  calendarLink: string | undefined,
  lng: Language,
  t: TFunction,
): string[] {
  const place = sitePlace(contacts, lng);
  return [
    "",
    ...(place
      ? [t("email:scheduled.address", { address: place.address }), t("email:scheduled.map", { link: place.mapHref })]
      : []),
    ...(calendarLink ? [t("email:scheduled.calendar", { link: calendarLink })] : []),
  ];
}

/**
 * The physician's mail for a step of their referral, in the physician's own language. It names the referral by its
 * code and says what happened and what to do; no patient name, no clinical values and no staff notes or messages leave
 * the portal by mail (privacy.md, minimum exposure) — only the consultation's logistics (date, place, interpreter),
 * which the physician needs to arrange it. The portal link shows the rest after sign-in.
 */
export function composeNotification(
  kind: NotificationKind,
  recipient: Recipient,
  facts: NotificationFacts,
  link: string,
) {
  const lng: Language = isLanguage(recipient.language) ? recipient.language : "en";
  const t = tFor(lng, ["email", "queue", "screen", "intake", "status", "conferences"]);
  const site = facts.siteName[lng];
  const params: Record<string, string> = { code: facts.referenceCode, site };
  const lines: string[] = [];
  if (kind === "info_requested") {
    const items = [
      ...(facts.documents ?? []).map((d) => t(`intake:documents.items.${d}`)),
      ...(facts.fields ?? []).map((f) => t(`screen:fields.${f}`)),
    ];
    lines.push(...items.map((item) => t("email:listItem", { item })));
  }
  if (kind === "declined" && facts.reasonCode) params.reason = t(`queue:declineReasons.${facts.reasonCode}`);
  if (kind === "redirected" && facts.reasonCode) params.reason = t(`queue:redirectReasons.${facts.reasonCode}`);
  if (kind === "joint_recommendation" && facts.recommendation)
    params.recommendation = t(`conferences:recommendations.${facts.recommendation}`);
  if (kind === "scheduled" && facts.consultation) {
    params.date = formatCalendarDate(facts.consultation.date, lng);
    params.time = facts.consultation.time;
    params.place = facts.consultation.place;
  }
  const body = [
    t("email:greeting", { name: personName(recipient.familyName, recipient.givenName) }),
    "",
    t(`email:${kind}.body`, params),
    ...(lines.length ? ["", ...lines] : []),
    ...(kind === "scheduled" && facts.consultation?.interpreter
      ? ["", t("email:scheduled.interpreter", { note: facts.consultation.interpreter })]
      : []),
    ...(kind === "scheduled" && facts.siteCode ? placeLines(facts.siteContacts, facts.calendarLink, lng, t) : []),
    "",
    t(`email:${kind}.next`, params),
    "",
    t("email:link", { link }),
    "",
    t("email:signature"),
  ].join("\n");
  return { language: lng, subject: t(`email:${kind}.subject`, params), text: body };
}

/** Writes the physician's mail into the outbox, inside the caller's transaction; the mailer sends it after commit. */
export async function queueNotification(
  trx: Database,
  input: {
    kind: NotificationKind;
    referralId: string;
    recipient: Recipient;
    facts: NotificationFacts;
    link: string;
    now: Date;
  },
) {
  const mail = composeNotification(input.kind, input.recipient, input.facts, input.link);
  await insertMail(trx, {
    id: newId(),
    created_at: input.now.toISOString(),
    referral_id: input.referralId,
    kind: input.kind,
    to_address: input.recipient.email,
    language: mail.language,
    subject: mail.subject,
    body_text: mail.text,
    status: "pending",
    attempts: 0,
    next_attempt_at: input.now.toISOString(),
  });
}
