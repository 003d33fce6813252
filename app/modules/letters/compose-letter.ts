// The decision letter's words, composed once for both the page and the PDF so the two can never differ.
// Pure: takes the letter's stored facts and a translator fixed to the letter's language (never the reader's).
import { publicContact, type SiteContacts } from "~/modules/site-contacts/site-contacts";
import { personName } from "~/i18n/person-name";
import { formatCalendarDate, formatInstant } from "~/i18n/format";
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

type Paragraphs = LetterSection["paragraphs"];

/** What every part of a letter writes with: the letter's words (`L`), the translator, its language and sites. */
type Pen = {
  L: (key: string, values?: Record<string, unknown>) => string;
  t: TFunction;
  lng: Language;
  siteName: (code: string) => string;
  contacts: Record<string, SiteContacts>;
};

const name = (p: Person) => personName(p.familyName, p.givenName);

/** Why the referral was declined or redirected, and the team's own words on it. */
function reasonsSection(input: LetterInput, { L }: Pen): LetterSection | null {
  const reasons: Paragraphs = [];
  if (input.reasonCode && input.decision !== "accepted") {
    const book = input.decision === "declined" ? "declineReasons" : "redirectReasons";
    reasons.push({ text: L(`${book}.${input.reasonCode}`, { defaultValue: L(`${book}.other`) }) });
  }
  if (input.clinical?.rationale) reasons.push({ label: L("assessment"), text: input.clinical.rationale, quoted: true });
  if (input.note) reasons.push({ label: L("remarks"), text: input.note, quoted: true });
  return reasons.length ? { id: "reasons", heading: L("headings.reasons"), paragraphs: reasons } : null;
}

/** The treatment approach of an accepted referral, with its dose intent. */
function approachSection(input: LetterInput, { L }: Pen): LetterSection | null {
  const clinical = input.clinical;
  if (input.decision !== "accepted" || !clinical?.approach) return null;
  const approach: Paragraphs = [{ text: L("approachLine", { approach: L(`approaches.${clinical.approach}`) }) }];
  if (clinical.approachDetail) approach.push({ label: L("doseIntent"), text: clinical.approachDetail, quoted: true });
  return { id: "approach", heading: L("headings.approach"), paragraphs: approach };
}

/** What else the patient may do when not accepted, with the team's suggestion. */
function alternativesSection(input: LetterInput, { L }: Pen): LetterSection | null {
  if (input.decision === "accepted") return null;
  const alternatives: Paragraphs = [{ text: L(`alternatives.${input.decision}`) }];
  if (input.clinical?.alternatives)
    alternatives.push({ label: L("suggested"), text: input.clinical.alternatives, quoted: true });
  return { id: "alternatives", heading: L("headings.alternatives"), paragraphs: alternatives };
}

/** A site's confirmed contact details (only those it has confirmed). */
function contactOf(code: string, { L, t, lng, siteName, contacts }: Pen): Paragraphs {
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
}

function contactSection(input: LetterInput, pen: Pen): LetterSection {
  return {
    id: "contact",
    heading: pen.L("headings.contact"),
    paragraphs: [
      { text: pen.L("contactIntro") },
      ...contactOf(input.site, pen),
      ...(input.targetSite ? contactOf(input.targetSite, pen) : []),
    ],
  };
}

function sectionsOf(input: LetterInput, pen: Pen): LetterSection[] {
  const { L } = pen;
  const decision = {
    id: "decision",
    heading: L("headings.decision"),
    paragraphs: [{ text: L(`decision.${input.decision}`) }],
  };
  const next = {
    id: "next",
    heading: L("headings.next"),
    paragraphs: (["first", "second"] as const).map((part) => ({ text: L(`next.${input.decision}.${part}`) })),
  };
  const middle = [reasonsSection(input, pen), approachSection(input, pen), alternativesSection(input, pen)];
  return [decision, ...middle.filter((s): s is LetterSection => s !== null), next, contactSection(input, pen)];
}

/** The patient and the reference code, each also as one line in the letter's own punctuation. */
function factsOf(input: LetterInput, { L, lng }: Pen): LetterContent["facts"] {
  return [
    { label: L("patient"), value: name(input.patient) },
    ...(input.patient.birthDate
      ? [{ label: L("birthDate"), value: formatBirthDate(input.patient.birthDate, lng) }]
      : []),
    { label: L("referenceCode"), value: input.referenceCode },
  ].map((fact) => ({ ...fact, line: L("factLine", fact) }));
}

/**
 * The letter in its own language. `siteName` names a site in that language. Free text from the team (rationale,
 * alternatives, dose intent, the coordinator's note) is quoted as written: the portal does not translate clinical text.
 * `contacts`: the sites' contact configuration; a letter names only the details a site has confirmed.
 */
export function composeLetter(
  input: LetterInput,
  t: TFunction,
  siteName: (code: string) => string,
  contacts: Record<string, SiteContacts> = {},
): LetterContent {
  const lng = input.language;
  const site = siteName(input.site);
  const target = input.targetSite ? siteName(input.targetSite) : "";
  const code = input.referenceCode;
  const L = (key: string, values: Record<string, unknown> = {}) =>
    t(`decisions:letter.${key}`, { site, target, code, ...values });
  const pen: Pen = { L, t, lng, siteName, contacts };
  const reviewer = input.clinical?.reviewer;
  const signer = reviewer
    ? L("signedReviewer", { name: name(reviewer) })
    : L(input.issuer.role === "reviewer" ? "signedReviewer" : "signedCoordinator", { name: name(input.issuer) });
  return {
    lang: lng,
    letterhead: site,
    department: L("department"),
    title: L("title"),
    date: formatDay(input.issuedAt, lng, input.timezone),
    recipient: [input.physician.institution, L("recipient", { name: name(input.physician) })].filter(Boolean),
    facts: factsOf(input, pen),
    salutation: L("salutation"),
    opening: L("opening"),
    sections: sectionsOf(input, pen),
    closing: L("closing"),
    signature: [signer, L("team")],
    footer: L("footer"),
  };
}
