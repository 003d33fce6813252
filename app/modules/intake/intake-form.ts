// The referral form: its sections, their questions, which questions an indication needs, how typed answers
// (strings) become a case and back, and the one zod schema per section that the browser (react-hook-form) and the
// server both validate with. The schemas are built from the case contract itself (app/domain/case/schema.ts), so a
// section that passes here is a part of a case that caseSchema accepts. Pure: no server code, runs in the browser.
import { z } from "zod";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { toKatakana } from "wanakana";
import {
  caseSchema,
  childPughClasses,
  diagnosisStatuses,
  headNeckSubsites,
  histologies,
  indications,
  issuesOf,
  preferredLanguages,
  priorRadiotherapyValues,
  resectability,
  sexes,
  sitePreferences,
  urgencies,
  validationKeys,
  type Indication,
  type ScreenCase,
} from "~/domain/case/schema";
import { isIsoDate } from "~/domain/case/dates";
import { myNumberRefusedKey, nationalIdIn, nationalIdRefusedKey, rrnRefusedKey } from "~/domain/case/national-id";
import { evaluate } from "~/domain/eligibility/evaluate";

export const formSections = ["patient", "consent", "diagnosis", "history"] as const;
export type FormSection = (typeof formSections)[number];
export const taskSections = [...formSections, "documents", "review"] as const;
export type TaskSection = (typeof taskSections)[number];

export function isFormSection(value: unknown): value is FormSection {
  return typeof value === "string" && (formSections as readonly string[]).includes(value);
}

/** The radio value for "not known": the field is then left out of the case (absent means unknown). */
export const UNKNOWN = "unknown";

export type FieldKind =
  | { type: "text"; variant?: "name" | "latin" | "reading" | "code" }
  | { type: "email" }
  | { type: "phone" }
  | { type: "date" }
  | { type: "select"; options: readonly string[]; book: string }
  | { type: "radio"; options: readonly string[]; book: string; numeric?: boolean; unknownOption?: boolean }
  | { type: "yesNoUnknown" }
  | { type: "number"; integer?: boolean; unit?: "mm" | "ngMl" }
  | { type: "country" }
  | { type: "language" }
  | { type: "site" }
  | { type: "consent" };

export type IntakeField = { path: string; kind: FieldKind; optional: boolean };

const f = (path: string, kind: FieldKind, optional = true): IntakeField => ({ path, kind, optional });
const yesNo: FieldKind = { type: "yesNoUnknown" };
const ecogScores = ["0", "1", "2", "3", "4"] as const;

/** The questions of each section, in the order an oncologist reads a referral. `optional: false` = required to submit. */
export const sectionFields: Record<FormSection, IntakeField[]> = {
  patient: [
    f("patient.familyName", { type: "text", variant: "name" }, false),
    f("patient.givenName", { type: "text", variant: "name" }, false),
    f("patient.nameReading", { type: "text", variant: "reading" }),
    f("patient.familyNameLatin", { type: "text", variant: "latin" }),
    f("patient.givenNameLatin", { type: "text", variant: "latin" }),
    f("patient.birthDate", { type: "date" }, false),
    f("patient.sex", { type: "radio", options: sexes, book: "intake:options.sex" }, false),
    f("patient.residenceCountry", { type: "country" }, false),
    f("patient.preferredLanguage", { type: "language" }, false),
    f("patient.phone", { type: "phone" }),
    f("patient.email", { type: "email" }),
    f("patient.referringHospitalId", { type: "text", variant: "code" }),
    f("patient.canTravelAbroad", yesNo),
    f("preferences.site", { type: "site" }, false),
  ],
  consent: [f("consent.sensitiveData", { type: "consent" }, false), f("consent.crossBorder", { type: "consent" }), f("consent.informedOfDiagnosis", { type: "consent" }, false)],
  diagnosis: [
    f("diagnosis.indication", { type: "select", options: indications, book: "screen:indications" }, false),
    f("diagnosis.subsite", { type: "select", options: headNeckSubsites, book: "precheck:options.subsite" }),
    f("diagnosis.histology", { type: "select", options: histologies, book: "precheck:options.histology" }, false),
    f("diagnosis.histologicallyConfirmed", yesNo),
    f("diagnosis.haematological", yesNo),
    f("diagnosis.icd10", { type: "text", variant: "code" }),
    f("diagnosis.icdO3Morphology", { type: "text", variant: "code" }),
    f("diagnosis.status", { type: "radio", options: diagnosisStatuses, book: "precheck:options.status" }, false),
    f("diagnosis.anastomoticRecurrence", yesNo),
    f("diagnosis.resectable", { type: "radio", options: resectability, book: "precheck:options.resectable" }, false),
    f("diagnosis.tnm.t", { type: "text", variant: "code" }),
    f("diagnosis.tnm.n", { type: "text", variant: "code" }),
    f("diagnosis.tnm.m", { type: "text", variant: "code" }),
    f("diagnosis.tnm.edition", { type: "text", variant: "code" }),
    f("diagnosis.stage", { type: "text", variant: "code" }),
    f("diagnosis.maxDiameterMm", { type: "number", unit: "mm" }),
    f("diagnosis.distantMetastasisSites", { type: "number", integer: true }),
    f("diagnosis.peritonealOrMeningealSpread", yesNo),
    f("diagnosis.invadesGiTract", yesNo),
    f("diagnosis.abutsGiTract", yesNo),
    f("diagnosis.invadesSpinalCord", yesNo),
    f("diagnosis.psaNgMl", { type: "number", unit: "ngMl" }),
    f("diagnosis.gleasonScore", { type: "number", integer: true }),
    f("diagnosis.childPugh", { type: "radio", options: childPughClasses, book: "precheck:options.childPugh", unknownOption: true }),
    f("diagnosis.ascites", yesNo),
    f("urgency", { type: "radio", options: urgencies, book: "intake:options.urgency" }, false),
  ],
  history: [
    f("history.priorRadiotherapy", { type: "radio", options: priorRadiotherapyValues, book: "precheck:options.priorRadiotherapy" }, false),
    f("history.priorRadiotherapyEndedOn", { type: "date" }),
    f("clinical.ecog", { type: "radio", options: ecogScores, book: "precheck:options.ecog", numeric: true, unknownOption: true }),
    f("clinical.canLieStill30Min", yesNo),
    f("clinical.activeInfectionInField", yesNo),
    f("clinical.metalImplantInField", yesNo),
    f("clinical.cardiacDevice", yesNo),
    f("clinical.pregnant", yesNo),
  ],
};

export const allFields: IntakeField[] = formSections.flatMap((s) => sectionFields[s]);
const fieldByPath = new Map(allFields.map((field) => [field.path, field]));

export function fieldAt(path: string): IntakeField | undefined {
  return fieldByPath.get(path);
}

export function sectionOf(path: string): FormSection | undefined {
  return formSections.find((s) => sectionFields[s].some((field) => field.path === path));
}

/** Free text the physician types: each is checked for national identifiers (privacy.md rule 1). */
export function isFreeText(field: IntakeField): boolean {
  return field.kind.type === "text" || field.kind.type === "email" || field.kind.type === "phone";
}

// ---------------------------------------------------------------------------------------------------------------
// Which questions an indication needs.

/**
 * Questions that belong to some indications only (PSA and Gleason for prostate, Child-Pugh for the liver, the
 * subsite for head and neck...). Each is shown when the rule set reads it for the chosen indication, found by
 * screening an empty case of that indication (the idea of the pre-check's `relevantPaths`), plus the documents
 * eligibility.md asks for (liver function for both liver indications).
 */
export const indicationSpecificPaths = [
  "diagnosis.subsite",
  "diagnosis.anastomoticRecurrence",
  "diagnosis.psaNgMl",
  "diagnosis.gleasonScore",
  "diagnosis.childPugh",
  "diagnosis.ascites",
  "clinical.pregnant",
] as const;

// NOTE: eligibility.md, "Documents a receiving team needs": liver function (Child-Pugh) for hcc and icc.
const alsoAsked: Partial<Record<(typeof indicationSpecificPaths)[number], Indication[]>> = { "diagnosis.childPugh": ["icc"], "diagnosis.ascites": ["icc"] };

const readCache = new Map<Indication, Set<string>>();
function readBy(indication: Indication): Set<string> {
  let paths = readCache.get(indication);
  if (!paths) {
    paths = new Set(evaluate({ diagnosis: { indication }, referredOn: "2000-01-01" } as ScreenCase).criteria.flatMap((c) => c.fields));
    readCache.set(indication, paths);
  }
  return paths;
}

export function isIndication(value: unknown): value is Indication {
  return typeof value === "string" && (indications as readonly string[]).includes(value);
}

/** Whether a question is asked for this indication (every question that is not indication-specific always is). */
export function isAsked(path: string, indication: unknown): boolean {
  if (!(indicationSpecificPaths as readonly string[]).includes(path)) return true;
  if (!isIndication(indication)) return false;
  return readBy(indication).has(path) || (alsoAsked[path as (typeof indicationSpecificPaths)[number]] ?? []).includes(indication);
}

// ---------------------------------------------------------------------------------------------------------------
// Typed answers ⇄ case.

/** Form values as one flat map: dotted names, dates as `.year` / `.month` / `.day`, every value a string. */
export type FlatValues = Record<string, string>;

/** react-hook-form's nested values (or an already flat map) as a flat map of strings. */
export function flatten(values: unknown, prefix = "", out: FlatValues = {}): FlatValues {
  if (values === null || values === undefined) return out;
  if (typeof values !== "object") {
    if (prefix) out[prefix] = String(values);
    return out;
  }
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "boolean") out[name] = value ? "true" : "";
    else flatten(value, name, out);
  }
  return out;
}

export function getPath(tree: unknown, path: string): unknown {
  let node = tree;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function setPath(tree: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

export function deletePath(tree: Record<string, unknown>, path: string) {
  const keys = path.split(".");
  const parents: Record<string, unknown>[] = [];
  let node: unknown = tree;
  for (const key of keys.slice(0, -1)) {
    if (!node || typeof node !== "object") return;
    parents.push(node as Record<string, unknown>);
    node = (node as Record<string, unknown>)[key];
  }
  if (!node || typeof node !== "object") return;
  delete (node as Record<string, unknown>)[keys[keys.length - 1]!];
  // Drop objects left empty, so an emptied section reads as "not started".
  for (let i = keys.length - 2; i >= 0; i--) {
    const parent = parents[i]!;
    const child = parent[keys[i]!];
    if (child && typeof child === "object" && Object.keys(child).length === 0) delete parent[keys[i]!];
  }
}

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const hiragana = /[\u3041-\u3096\u309D\u309E]+/g;

/** A name reading in katakana: hiragana typed with a Japanese IME is converted (たなか → タナカ), spaces normalised. */
export function toKatakanaReading(text: string): string {
  return text
    .normalize("NFKC")
    .replace(hiragana, (run) => toKatakana(run))
    .replace(/\s+/g, " ")
    .trim();
}

/** Katakana, the long-vowel mark, the middle dot and spaces: what a フリガナ field holds. */
export function isKatakanaReading(text: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB\u30FD\u30FE ]+$/.test(text);
}

/** Letters as a passport prints them (Latin script, spaces, hyphens, apostrophes). Typed, never derived from the native name. */
export function isPassportSpelling(text: string): boolean {
  return /^[A-Za-z][A-Za-z '\-]*$/.test(text);
}

/** A phone number as E.164, read in the country of residence when it has no country code; null when it is not a number. */
export function toE164(text: string, residenceCountry: unknown): string | null {
  const region = typeof residenceCountry === "string" && /^[A-Z]{2}$/.test(residenceCountry) ? (residenceCountry as CountryCode) : undefined;
  try {
    const parsed = parsePhoneNumberFromString(text.normalize("NFKC"), region);
    return parsed && parsed.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}

function dateFrom(values: FlatValues, path: string): string | undefined {
  const part = (p: string) => (values[`${path}.${p}`] ?? "").normalize("NFKC").replace(/\D/g, "");
  const [year, month, day] = [part("year"), part("month"), part("day")];
  if (!year && !month && !day) {
    const whole = values[path]?.trim();
    return whole ? whole : undefined;
  }
  // A part left blank stays blank ("1958-03-"): the schema calls it no date, and the typed parts come back.
  return `${year.padStart(year ? 4 : 0, "0")}-${month ? month.padStart(2, "0") : ""}-${day ? day.padStart(2, "0") : ""}`;
}

/**
 * The server's check that a phone number exists (full metadata, app/utils/phone.server.ts): a message key and its
 * values when it does not. The browser has none and checks with the small metadata only, as a hint.
 */
export type PhoneRule = (e164: string) => { key: string; params?: Record<string, string> } | null;

export type Context = {
  /** Today in Korea/Japan (both UTC+9): a birth or a past radiotherapy cannot be later. */
  today: string;
  /** Given on the server only. */
  phoneRule?: PhoneRule;
  /** The case as saved so far, for answers another section decides (the indication, the country of residence). */
  saved?: Record<string, unknown>;
};

/**
 * The answers of one section as case values: booleans from yes/no and checkboxes, numbers from text (full-width
 * digits accepted), a phone in E.164, a reading in katakana; blanks, "not known" and questions the indication does
 * not ask are absent. Anything that cannot be converted is kept as typed, so the schema names the problem and
 * nothing typed is lost. Returns every path of the section: a value, or undefined for absent.
 */
export function answersOf(section: FormSection, values: FlatValues, ctx: Context): Map<string, unknown> {
  const out = new Map<string, unknown>();
  // Answers another question decides: as posted on this page, else as saved.
  const posted = (path: string) => (path in values ? values[path] : getPath(ctx.saved, path));
  const indication = posted("diagnosis.indication");
  const residence = posted("patient.residenceCountry");
  for (const field of sectionFields[section]) {
    const { path, kind } = field;
    out.set(path, undefined);
    if (!isAsked(path, indication)) continue;
    if (kind.type === "date") {
      out.set(path, dateFrom(values, path));
      continue;
    }
    if (kind.type === "consent") {
      out.set(path, values[path] === "true");
      continue;
    }
    const text = (values[path] ?? "").trim();
    if (text === "") continue;
    switch (kind.type) {
      case "yesNoUnknown":
        if (text === "yes" || text === "true") out.set(path, true);
        else if (text === "no" || text === "false") out.set(path, false);
        else if (text !== UNKNOWN) out.set(path, text);
        break;
      case "radio":
        if (kind.unknownOption && text === UNKNOWN) break;
        out.set(path, kind.numeric && /^\d$/.test(text) ? Number(text) : text);
        break;
      case "number": {
        const normalised = text.normalize("NFKC").replace(/[\s,]+/g, "");
        out.set(path, numberPattern.test(normalised) ? Number(normalised) : text);
        break;
      }
      case "country":
        out.set(path, text.toUpperCase());
        break;
      case "phone":
        out.set(path, toE164(text, residence) ?? text);
        break;
      case "text":
        if (kind.variant === "reading") out.set(path, toKatakanaReading(text));
        else if (kind.variant === "code") out.set(path, text.normalize("NFKC").trim());
        else out.set(path, text.normalize("NFC"));
        break;
      default:
        out.set(path, text);
    }
  }
  return out;
}

/** The section's answers as a partial case (absent paths left out). */
export function sectionCase(section: FormSection, values: FlatValues, ctx: Context): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [path, value] of answersOf(section, values, ctx)) if (value !== undefined) setPath(patch, path, value);
  return patch;
}

/** Applies a section's answers to a saved draft: every path of the section is replaced, absent ones removed. */
export function mergeSection(draft: Record<string, unknown>, answers: Map<string, unknown>): Record<string, unknown> {
  const next = structuredClone(draft);
  for (const [path, value] of answers) {
    if (value === undefined) deletePath(next, path);
    else setPath(next, path, value);
  }
  return next;
}

/** A saved case as form values, to fill a section's fields (dates split into their parts). */
export function formValuesOf(saved: Record<string, unknown>, fields: IntakeField[] = allFields): FlatValues {
  const out: FlatValues = {};
  for (const { path, kind } of fields) {
    const value = getPath(saved, path);
    if (value === undefined || value === null) continue;
    if (kind.type === "date") {
      const [year = "", month = "", day = ""] = String(value).split("-");
      out[`${path}.year`] = year;
      out[`${path}.month`] = month.replace(/^0(?=\d)/, "");
      out[`${path}.day`] = day.replace(/^0(?=\d)/, "");
    } else if (kind.type === "yesNoUnknown") {
      out[path] = value === true ? "yes" : value === false ? "no" : String(value);
    } else if (kind.type === "consent") {
      out[path] = value === true ? "true" : "";
    } else {
      out[path] = String(value);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// One schema per section, from the case contract, for the browser and the server alike.

const shape = caseSchema.shape;

/** The case schema's parts a section answers, plus the portal's own rules for typed text. */
function sectionShape(section: FormSection) {
  switch (section) {
    case "patient":
      return z.looseObject({ patient: shape.patient, preferences: shape.preferences });
    case "consent":
      // The time and the physician who took the consent are recorded by the server when it is saved.
      return z.looseObject({ consent: shape.consent.extend({ recordedAt: shape.consent.shape.recordedAt.optional() }) });
    case "diagnosis":
      return z.looseObject({ diagnosis: shape.diagnosis, urgency: shape.urgency });
    case "history":
      return z.looseObject({ history: shape.history, clinical: shape.clinical.optional() });
  }
}

export const intakeKeys = {
  rrn: rrnRefusedKey,
  myNumber: myNumberRefusedKey,
  reading: "intake:validation.reading",
  passport: "intake:validation.passport",
  future: "intake:validation.future",
  number: "intake:validation.number",
  date: "intake:validation.date",
  phone: "intake:validation.phone",
  consent: "intake:validation.consent",
  required: "intake:validation.required",
  choose: "intake:validation.choose",
  withdrawNote: "intake:validation.withdrawNote",
  tooLong: "intake:validation.tooLong",
} as const;

type Ctx = z.core.$RefinementCtx<unknown>;

/** The portal's own rules for typed answers, applied on top of the contract (and again to a whole case at submission). */
export function checkTypedAnswers(value: unknown, ctx: Ctx, today: string, fields: IntakeField[] = allFields, phoneRule?: PhoneRule) {
  for (const field of fields) {
    const answer = getPath(value, field.path);
    if (typeof answer !== "string") continue;
    const path = field.path.split(".");
    const nationalId = isFreeText(field) ? nationalIdIn(answer) : null;
    if (nationalId) {
      ctx.addIssue({ code: "custom", path, message: nationalIdRefusedKey[nationalId], input: answer });
      continue;
    }
    if (field.kind.type === "text" && field.kind.variant === "reading" && !isKatakanaReading(answer)) {
      ctx.addIssue({ code: "custom", path, message: intakeKeys.reading, input: answer });
    } else if (field.kind.type === "text" && field.kind.variant === "latin" && !isPassportSpelling(answer)) {
      ctx.addIssue({ code: "custom", path, message: intakeKeys.passport, input: answer });
    } else if (field.kind.type === "date" && isIsoDate(answer) && answer > today) {
      ctx.addIssue({ code: "custom", path, message: intakeKeys.future, input: answer });
    } else if (field.kind.type === "phone" && phoneRule && answer.startsWith("+")) {
      const problem = phoneRule(answer);
      if (problem) ctx.addIssue({ code: "custom", path, message: problem.key, input: answer, params: problem.params });
    }
  }
}

/**
 * The portal's rules as a check that runs even when the contract already found problems elsewhere (zod skips
 * refinements of an invalid object by default), so every problem of a page is reported at once.
 */
function typedAnswersCheck(today: string, fields?: IntakeField[], phoneRule?: PhoneRule) {
  return z.superRefine((value: unknown, ctx) => checkTypedAnswers(value, ctx, today, fields, phoneRule), { when: () => true } as Parameters<typeof z.superRefine>[1]);
}

/** The top-level groups ("patient", "preferences", ...) that hold a question required to submit. */
function requiredGroups(fields: IntakeField[]): string[] {
  return [...new Set(fields.filter((field) => !field.optional && field.path.includes(".")).map((field) => field.path.split(".")[0]!))];
}

/**
 * A group with no answer at all reads as an empty group. zod reports a missing object as one issue and never looks
 * inside, so an empty section would name only the first question of each group, and the rest would appear one try
 * later; with the group present, every required question is named at once.
 */
function withEmptyGroups(groups: string[]) {
  return (value: unknown) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return value;
    const record = value as Record<string, unknown>;
    const missing = groups.filter((group) => record[group] === undefined);
    return missing.length === 0 ? value : { ...record, ...Object.fromEntries(missing.map((group) => [group, {}])) };
  };
}

/** The schema one section of the form must satisfy: the same object validates in the browser and in the action. */
export function sectionSchema(section: FormSection, today: string, phoneRule?: PhoneRule) {
  const fields = sectionFields[section];
  return z.preprocess(withEmptyGroups(requiredGroups(fields)), sectionShape(section).check(typedAnswersCheck(today, fields, phoneRule)));
}

export type FieldIssue = { path: string; key: string; params?: Record<string, unknown> };

/** The form's words for a contract message: plainer than the API's for a person filling in a form. */
function formKey(path: string, key: string): string {
  const field = fieldAt(path);
  const type = field?.kind.type;
  if (key === validationKeys.required) {
    if (type === "consent") return intakeKeys.consent;
    if (type === "select" || type === "radio" || type === "country" || type === "language" || type === "site") return intakeKeys.choose;
    return intakeKeys.required;
  }
  if (key === validationKeys.consentRequired) return intakeKeys.consent;
  if (type === "number" && (key === validationKeys.invalidType || key === validationKeys.invalidNumber)) return intakeKeys.number;
  if (type === "date" && (key === validationKeys.invalidDate || key === validationKeys.invalidType)) return intakeKeys.date;
  if (key === validationKeys.dateAfterReferral) return intakeKeys.future;
  if (type === "phone" && key === validationKeys.invalidPhone) return intakeKeys.phone;
  return key;
}

/** Issues of a failed parse, one per field (the first), in the form's order, with the form's words. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  const raw = error.issues;
  issuesOf(error).forEach((issue, i) => {
    // A whole group missing ("preferences") is reported at its first question, where the error summary can link.
    const path = fieldAt(issue.path) ? issue.path : (allFields.find((f) => f.path.startsWith(`${issue.path}.`))?.path ?? issue.path);
    if (seen.has(path)) return;
    seen.add(path);
    // The portal's own rules carry their key as the message; the contract's are mapped by issuesOf.
    const own = raw[i]?.message.startsWith("intake:") ? raw[i]!.message : null;
    const params = own ? (raw[i] as { params?: Record<string, unknown> }).params : issue.params;
    out.push({ path, key: own ?? formKey(path, issue.messageKey), ...(params ? { params } : {}) });
  });
  const order = new Map(allFields.map((field, i) => [field.path, i]));
  return out.sort((a, b) => (order.get(a.path) ?? 999) - (order.get(b.path) ?? 999));
}

/** Validates one section's typed answers: the issues (empty when the section is complete). */
export function validateSection(section: FormSection, values: FlatValues, ctx: Context): FieldIssue[] {
  const parsed = sectionSchema(section, ctx.today, ctx.phoneRule).safeParse(sectionCase(section, values, ctx));
  return parsed.success ? [] : fieldIssues(parsed.error);
}

/** Validates what a saved draft holds for a section (for the task list's statuses and the check-your-answers page). */
export function validateSaved(section: FormSection, saved: Record<string, unknown>, today: string): FieldIssue[] {
  const values = formValuesOf(saved, sectionFields[section]);
  return validateSection(section, values, { today, saved });
}

export type SectionStatus = "not_started" | "in_progress" | "completed";

export function sectionStatus(section: FormSection, saved: Record<string, unknown>, today: string): SectionStatus {
  const touched = sectionFields[section].some((field) => getPath(saved, field.path) !== undefined);
  if (!touched) return "not_started";
  return validateSaved(section, saved, today).length === 0 ? "completed" : "in_progress";
}

// ---------------------------------------------------------------------------------------------------------------
// The whole case, at submission.

/** A submission: the contract's schema (consents included) and the portal's rules for typed text, on the whole case. */
export function submissionSchema(today: string, phoneRule?: PhoneRule) {
  return z.preprocess(withEmptyGroups(requiredGroups(allFields)), caseSchema.check(typedAnswersCheck(today, undefined, phoneRule)));
}

export const patientLanguages = preferredLanguages;
export const sitePreferenceValues = sitePreferences;

/** Why a physician withdraws a referral (workflow.md: a reason is required). Stable codes; words in locales/. */
export const withdrawReasons = ["patient_declined", "treated_elsewhere", "condition_changed", "patient_died", "duplicate", "other"] as const;
