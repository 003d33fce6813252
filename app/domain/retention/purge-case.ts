// Privacy rule 5 (shared/domain/privacy.md; docs/decisions/0025-retention-purge.md): what a referral's case keeps once
// its retention period has run out. Pure: the housekeeping job writes what this returns.
//
// The patient is kept by allow-list (anything not named here goes, including keys a loose object carried in), and the
// age at referral replaces the birth date as a five-year band. Elsewhere every free-text field goes and the structured
// facts the statistics read (indication, stage, scores, dates of care, choices, consents) stay.

type Json = Record<string, unknown>;

const KEPT_PATIENT_FIELDS = ["sex", "residenceCountry", "preferredLanguage", "canTravelAbroad", "insurance"] as const;
const FREE_TEXT_HISTORY = ["clinicalSummary", "referralReason"] as const;
const FREE_TEXT_CLINICAL = ["comorbidities", "medicines"] as const;
// Structured parts of the clinical story's items; the region, procedure, drug and outcome are typed by hand.
const KEPT_ITEM_FIELDS: Record<string, readonly string[]> = {
  radiotherapyCourses: ["endedOn", "doseGy", "fractions", "overlapsTarget"],
  surgeries: ["date"],
  systemicTherapies: ["startedOn", "line"],
};
const KEPT_ATTACHMENT_FIELDS = ["kind", "mediaType", "sizeBytes"] as const;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function pick(source: Json, keys: readonly string[]): Json {
  const kept: Json = {};
  for (const key of keys) if (source[key] !== undefined) kept[key] = source[key];
  return kept;
}

function omit(source: Json, keys: readonly string[]): Json {
  const kept = { ...source };
  for (const key of keys) delete kept[key];
  return kept;
}

/** "60-64": the age in whole years on the referral date, in five-year bands; null when either date is unknown. */
export function ageBandAt(birthDate: unknown, referredOn: unknown): string | null {
  if (typeof birthDate !== "string" || typeof referredOn !== "string") return null;
  const born = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const on = /^(\d{4})-(\d{2})-(\d{2})$/.exec(referredOn);
  if (!born || !on) return null;
  const beforeBirthday = on[2]! + on[3]! < born[2]! + born[3]!;
  const age = Number(on[1]) - Number(born[1]) - (beforeBirthday ? 1 : 0);
  if (age < 0) return null;
  const low = age - (age % 5);
  return `${low}-${low + 4}`;
}

function purgedPatient(patient: unknown, referredOn: unknown): Json {
  const source = isObject(patient) ? patient : {};
  const band = ageBandAt(source.birthDate, referredOn);
  return { ...pick(source, KEPT_PATIENT_FIELDS), ...(band ? { ageBand: band } : {}) };
}

function purgedHistory(history: Json): Json {
  const kept = omit(history, FREE_TEXT_HISTORY);
  for (const [list, fields] of Object.entries(KEPT_ITEM_FIELDS)) {
    const items = kept[list];
    if (Array.isArray(items)) kept[list] = items.map((item) => (isObject(item) ? pick(item, fields) : {}));
  }
  return kept;
}

/** The case as kept after the purge: no name, birth date, contact, record number, free text or file name. */
export function purgeCase(caseData: unknown): Json {
  const source = isObject(caseData) ? caseData : {};
  const kept: Json = { ...source, patient: purgedPatient(source.patient, source.referredOn) };
  if (isObject(source.history)) kept.history = purgedHistory(source.history);
  if (isObject(source.clinical)) kept.clinical = omit(source.clinical, FREE_TEXT_CLINICAL);
  if (Array.isArray(source.attachments))
    kept.attachments = source.attachments.map((a) => (isObject(a) ? pick(a, KEPT_ATTACHMENT_FIELDS) : {}));
  return kept;
}
