// The decision letter's words, composed once for both the page and the PDF so the two can never differ.
// Pure: takes the letter's stored facts and a translator fixed to the letter's language (never the reader's).
import { publicContact, type SiteContacts } from "~/modules/site-contacts/site-contacts";
import { personName } from "~/i18n/person-name";
import { formatCalendarDate, formatInstant } from "~/i18n/datetime";
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";

export const letterDecisions = ["accepted", "declined", "redirected"] as const;
export type LetterDecision = (typeof letterDecisions)[number];

type Person = { familyName: string; givenName: string };

export type LetterInput = {
  id: string;
  decision: LetterDecision;
  language: Language;
  issuedAt: string;
  /** The issuing site's time zone: the letter's date is that site's date. */
  timezone: string;
  referenceCode: string;
  patient: Person & { birthDate: string | null };
  physician: Person & { institution: string };
  site: string;
  targetSite: string | null;
  reasonCode: string | null;
  note: string | null;
  clinical: {
    rationale: string;
    approach: string | null;
    approachDetail: string | null;
    alternatives: string | null;
    reviewer: Person | null;
  } | null;
  issuer: Person & { role: string };
};

/** A block of the letter: a heading and paragraphs; `quoted` paragraphs are the team's own words, shown as written. */
export type LetterSection = {
  id: string;
  heading: string;
  paragraphs: { text: string; quoted?: boolean; label?: string }[];
};

export type LetterContent = {
  lang: Language;
  letterhead: string;
  department: string;
  title: string;
  date: string;
  recipient: string[];
  /** `line` is label and value as one line in the letter's own punctuation (the PDF's form). */
  facts: { label: string; value: string; line: string }[];
  salutation: string;
  opening: string;
  sections: LetterSection[];
  closing: string;
  signature: string[];
  footer: string;
};

function formatDay(iso: string, lng: Language, timeZone: string): string {
  return formatInstant(iso, lng, timeZone, "date");
}

function formatBirthDate(date: string, lng: Language): string {
  // A calendar date, not an instant: formatted in UTC so no time zone can move it a day.
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatCalendarDate(date, lng) : date;
}

/**
 * The letter in its own language. `siteName` names a site in that language. Free text from the team (rationale,
 * alternatives, dose intent, the coordinator's note) is quoted as written: the portal does not translate clinical text.
 */
/** `contacts`: the sites' contact configuration; a letter names only the details a site has confirmed. */
export function composeLetter(
  input: LetterInput,
  t: TFunction,
  siteName: (code: string) => string,
  contacts: Record<string, SiteContacts> = {},
): LetterContent {
  const lng = input.language;
  const name = (p: Person) => personName(p.familyName, p.givenName);
  const site = siteName(input.site);
  const target = input.targetSite ? siteName(input.targetSite) : "";
  const code = input.referenceCode;
  const L = (key: string, values: Record<string, unknown> = {}) =>
    t(`decisions:letter.${key}`, { site, target, code, ...values });
  const clinical = input.clinical;

  const sections: LetterSection[] = [
    { id: "decision", heading: L("headings.decision"), paragraphs: [{ text: L(`decision.${input.decision}`) }] },
  ];

  const reasons: LetterSection["paragraphs"] = [];
  if (input.reasonCode && input.decision !== "accepted") {
    const book = input.decision === "declined" ? "declineReasons" : "redirectReasons";
    reasons.push({ text: L(`${book}.${input.reasonCode}`, { defaultValue: L(`${book}.other`) }) });
  }
  if (clinical?.rationale) reasons.push({ label: L("assessment"), text: clinical.rationale, quoted: true });
  if (input.note) reasons.push({ label: L("remarks"), text: input.note, quoted: true });
  if (reasons.length) sections.push({ id: "reasons", heading: L("headings.reasons"), paragraphs: reasons });

  if (input.decision === "accepted" && clinical?.approach) {
    const approach: LetterSection["paragraphs"] = [
      { text: L("approachLine", { approach: L(`approaches.${clinical.approach}`) }) },
    ];
    if (clinical.approachDetail) approach.push({ label: L("doseIntent"), text: clinical.approachDetail, quoted: true });
    sections.push({ id: "approach", heading: L("headings.approach"), paragraphs: approach });
  }

  if (input.decision !== "accepted") {
    const alternatives: LetterSection["paragraphs"] = [{ text: L(`alternatives.${input.decision}`) }];
    if (clinical?.alternatives) alternatives.push({ label: L("suggested"), text: clinical.alternatives, quoted: true });
    sections.push({ id: "alternatives", heading: L("headings.alternatives"), paragraphs: alternatives });
  }

  sections.push({
    id: "next",
    heading: L("headings.next"),
    paragraphs: (["first", "second"] as const).map((part) => ({ text: L(`next.${input.decision}.${part}`) })),
  });

  const contact = (code: string) => {
    const c = publicContact(contacts[code], lng);
    const parts = [
      c.phone ? t("contacts:letter.phone", { phone: c.phone }) : null,
      c.email ? t("contacts:letter.email", { email: c.email }) : null,
      c.hours,
    ].filter((part): part is string => Boolean(part));
    return [
      { text: L("contactOf", { contactSite: siteName(code), contactName: c.name }) },
      ...(parts.length ? [{ text: parts.join(t("contacts:letter.separator")) }] : []),
    ];
  };
  sections.push({
    id: "contact",
    heading: L("headings.contact"),
    paragraphs: [
      { text: L("contactIntro") },
      ...contact(input.site),
      ...(input.targetSite ? contact(input.targetSite) : []),
    ],
  });

  const signer = clinical?.reviewer
    ? L("signedReviewer", { name: name(clinical.reviewer) })
    : L(input.issuer.role === "reviewer" ? "signedReviewer" : "signedCoordinator", { name: name(input.issuer) });

  const facts = [
    { label: L("patient"), value: name(input.patient) },
    ...(input.patient.birthDate
      ? [{ label: L("birthDate"), value: formatBirthDate(input.patient.birthDate, lng) }]
      : []),
    { label: L("referenceCode"), value: code },
  ].map((fact) => ({ ...fact, line: L("factLine", fact) }));

  return {
    lang: lng,
    letterhead: site,
    department: L("department"),
    title: L("title"),
    date: formatDay(input.issuedAt, lng, input.timezone),
    recipient: [input.physician.institution, L("recipient", { name: name(input.physician) })].filter(Boolean),
    facts,
    salutation: L("salutation"),
    opening: L("opening"),
    sections,
    closing: L("closing"),
    signature: [signer, L("team")],
    footer: L("footer"),
  };
}
