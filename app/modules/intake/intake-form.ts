// The referral form: its sections, their questions, which questions a case needs, how typed answers (strings)
// become a case and back, and the one zod schema per section that the browser (react-hook-form) and the server both
// validate with. The questions are the field catalogue's (app/domain/case/field-catalogue.ts), filtered by section;
// the schemas are built from the case contract itself (app/domain/case/schema.ts), so a section that passes here is
// a part of a case that caseSchema accepts. Pure: no server code, runs in the browser.
import { z } from "zod";
import { caseSchema, checkStatusUpdateAddress, issuesOf, validationKeys } from "~/domain/case/schema";
import { isIsoDate } from "~/domain/case/dates";
import {
  factsOf,
  isFieldAsked,
  isIndication as isIndicationCode,
  type ApplicabilityFacts,
} from "~/domain/case/field-applicability";
import { catalogueField, fieldCatalogue, itemPathOf, type FieldKind } from "~/domain/case/field-catalogue";
import { gleasonSum } from "~/domain/case/gleason";
import { myNumberRefusedKey, nationalIdIn, nationalIdRefusedKey, rrnRefusedKey } from "~/domain/case/national-id";
import { formValueOf, valueOf, type FlatValues } from "./answer-values";
import { getPath, setPath } from "~/domain/case/paths";
export { getPath, setPath };

export { toE164, toKatakanaReading, UNKNOWN, type FlatValues } from "./answer-values";
export type { FieldKind } from "~/domain/case/field-catalogue";

export const formSections = ["patient", "consent", "diagnosis", "history"] as const;
export type FormSection = (typeof formSections)[number];
export const taskSections = [...formSections, "documents", "review"] as const;
export type TaskSection = (typeof taskSections)[number];

export function isFormSection(value: unknown): value is FormSection {
  return typeof value === "string" && (formSections as readonly string[]).includes(value);
}

export type IntakeField = { path: string; kind: FieldKind; optional: boolean };

/** The questions of each section: the catalogue's, in its order. `optional: false` = required to submit. */
export const sectionFields: Record<FormSection, IntakeField[]> = Object.fromEntries(
  formSections.map((section) => [
    section,
    fieldCatalogue
      .filter((field) => field.form === section)
      .map((field) => ({ path: field.path, kind: field.kind, optional: !field.required })),
  ]),
) as Record<FormSection, IntakeField[]>;

export const allFields: IntakeField[] = formSections.flatMap((s) => sectionFields[s]);
const fieldByPath = new Map(allFields.map((field) => [field.path, field]));

/** A question by its path; a field of a list's row ("history.radiotherapyCourses.0.endedOn") too. */
export function fieldAt(path: string): IntakeField | undefined {
  const field = fieldByPath.get(path);
  if (field) return field;
  const inRow = itemPathOf(path);
  return inRow && fieldByPath.has(inRow.list.path)
    ? { path, kind: inRow.item.kind, optional: !inRow.item.required }
    : undefined;
}

export function sectionOf(path: string): FormSection | undefined {
  const listPath = itemPathOf(path)?.list.path ?? path;
  return formSections.find((s) => sectionFields[s].some((field) => field.path === listPath));
}

/** Free text the physician types: each is checked for national identifiers (privacy.md rule 1). */
export function isFreeText(field: IntakeField): boolean {
  return field.kind.type === "text" || field.kind.type === "email" || field.kind.type === "phone";
}

// ---------------------------------------------------------------------------------------------------------------
// Which questions a case needs.

/**
 * Questions asked only when they apply (PSA and Gleason for prostate, liver values for the liver, pregnancy for a
 * woman aged 12–55...): the catalogue marks them, and the rule set decides (app/domain/case/field-applicability.ts).
 */
export const indicationSpecificPaths: readonly string[] = fieldCatalogue
  .filter((field) => field.asked === "read")
  .map((field) => field.path);

export function isIndication(value: unknown): value is import("~/domain/case/schema").Indication {
  return isIndicationCode(value);
}

/**
 * Whether a question is asked. `about` is the case (as saved or posted) or, as before, just its indication. The
 * date decides the rule set and the patient's age; the referral is dated on submission, so `today` is used.
 */
export function isAsked(path: string, about: unknown, today = new Date().toISOString().slice(0, 10)): boolean {
  const facts: ApplicabilityFacts =
    typeof about === "string" || about === undefined || about === null ? { indication: about } : factsOf(about);
  return isFieldAsked(catalogueField(path), facts, today);
}

// ---------------------------------------------------------------------------------------------------------------
// Typed answers ⇄ case.

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

/** Katakana, the long-vowel mark, the middle dot and spaces: what a フリガナ field holds. */
export function isKatakanaReading(text: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB\u30FD\u30FE ]+$/.test(text);
}

/** Letters as a passport prints them (Latin script, spaces, hyphens, apostrophes). Typed, never derived from the native name. */
export function isPassportSpelling(text: string): boolean {
  return /^[A-Za-z][A-Za-z '\-]*$/.test(text);
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
 * digits accepted), a phone in E.164, a reading in katakana, list rows as items; blanks, "not known" and questions
 * that do not apply to the case are absent. Anything that cannot be converted is kept as typed, so the schema names
 * the problem and nothing typed is lost. Returns every path of the section: a value, or undefined for absent.
 */
export function answersOf(section: FormSection, values: FlatValues, ctx: Context): Map<string, unknown> {
  const out = new Map<string, unknown>();
  // Answers another question decides: as posted on this page, else as saved.
  const posted = (path: string) => (path in values ? values[path] : getPath(ctx.saved, path));
  const residence = posted("patient.residenceCountry");
  for (const { path, kind } of sectionFields[section]) out.set(path, valueOf(kind, path, values, residence));
  // Whether a question applies depends on other answers (sex, age, metastases): this page's, over the saved case.
  const about = structuredClone(ctx.saved ?? {});
  for (const [path, value] of out) if (value !== undefined) setPath(about, path, value);
  for (const path of out.keys()) if (!isAsked(path, about, ctx.today)) out.set(path, undefined);
  if (out.has("diagnosis.gleasonPrimary")) deriveGleasonScore(out);
  return out;
}

/**
 * The form asks the Gleason patterns; the score the screen reads is their sum (issue #15). A score left blank is
 * filled in from the patterns; a typed score that disagrees is kept, and the schema names the disagreement.
 */
function deriveGleasonScore(out: Map<string, unknown>) {
  const sum = gleasonSum(out.get("diagnosis.gleasonPrimary"), out.get("diagnosis.gleasonSecondary"));
  if (sum !== undefined && out.get("diagnosis.gleasonScore") === undefined) out.set("diagnosis.gleasonScore", sum);
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

/** A saved case as form values, to fill a section's fields (dates split into their parts, lists into rows). */
export function formValuesOf(saved: Record<string, unknown>, fields: IntakeField[] = allFields): FlatValues {
  const out: FlatValues = {};
  for (const { path, kind } of fields) formValueOf(kind, path, getPath(saved, path), out);
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
      // The time and the physician who took the consent are recorded by the server when it is saved. The patient's
      // e-mail is asked here, with the opt-in to status e-mails it serves (issue #17).
      return z
        .looseObject({
          consent: shape.consent.extend({ recordedAt: shape.consent.shape.recordedAt.optional() }),
          patient: z.looseObject({ email: shape.patient.shape.email }).optional(),
        })
        .superRefine((value, ctx) => checkStatusUpdateAddress(value, ctx));
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
export function checkTypedAnswers(
  value: unknown,
  ctx: Ctx,
  today: string,
  fields: IntakeField[] = allFields,
  phoneRule?: PhoneRule,
) {
  for (const field of withRowFields(value, fields)) {
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

/** The questions, a list's rows expanded into their fields ("history.radiotherapyCourses.0.region"). */
function withRowFields(value: unknown, fields: IntakeField[]): IntakeField[] {
  return fields.flatMap((field) => {
    if (field.kind.type !== "list") return [field];
    const rows = getPath(value, field.path);
    if (!Array.isArray(rows)) return [];
    const { item } = field.kind;
    return rows.flatMap((_, index) =>
      item.map((i) => ({ path: `${field.path}.${index}.${i.key}`, kind: i.kind, optional: !i.required })),
    );
  });
}

/**
 * The portal's rules as a check that runs even when the contract already found problems elsewhere (zod skips
 * refinements of an invalid object by default), so every problem of a page is reported at once.
 */
function typedAnswersCheck(today: string, fields?: IntakeField[], phoneRule?: PhoneRule) {
  return z.superRefine((value: unknown, ctx) => checkTypedAnswers(value, ctx, today, fields, phoneRule), {
    when: () => true,
  } as Parameters<typeof z.superRefine>[1]);
}

/** The top-level groups ("patient", "preferences", ...) that hold a question required to submit. */
function requiredGroups(fields: IntakeField[]): string[] {
  return [
    ...new Set(
      fields.filter((field) => !field.optional && field.path.includes(".")).map((field) => field.path.split(".")[0]!),
    ),
  ];
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
  return z.preprocess(
    withEmptyGroups(requiredGroups(fields)),
    sectionShape(section).check(typedAnswersCheck(today, fields, phoneRule)),
  );
}

export type FieldIssue = { path: string; key: string; params?: Record<string, unknown> };

/** The form's words for a contract message: plainer than the API's for a person filling in a form. */
function formKey(path: string, key: string): string {
  const field = fieldAt(path);
  const type = field?.kind.type;
  if (key === validationKeys.required) {
    if (type === "consent") return intakeKeys.consent;
    if (type === "select" || type === "radio" || type === "country" || type === "language" || type === "site")
      return intakeKeys.choose;
    return intakeKeys.required;
  }
  if (key === validationKeys.consentRequired) return intakeKeys.consent;
  if (type === "number" && (key === validationKeys.invalidType || key === validationKeys.invalidNumber))
    return intakeKeys.number;
  if (type === "date" && (key === validationKeys.invalidDate || key === validationKeys.invalidType))
    return intakeKeys.date;
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
    const path = fieldAt(issue.path)
      ? issue.path
      : (allFields.find((f) => f.path.startsWith(`${issue.path}.`))?.path ?? issue.path);
    if (seen.has(path)) return;
    seen.add(path);
    // The portal's own rules carry their key as the message; the contract's are mapped by issuesOf.
    const own = raw[i]?.message.startsWith("intake:") ? raw[i]!.message : null;
    const params = own ? (raw[i] as { params?: Record<string, unknown> }).params : issue.params;
    out.push({ path, key: own ?? formKey(path, issue.messageKey), ...(params ? { params } : {}) });
  });
  const order = new Map(allFields.map((field, i) => [field.path, i]));
  // A row's fields sort with their list, row by row (the path's own order does that: ".0.endedOn" < ".1.endedOn").
  const rank = (path: string) => order.get(itemPathOf(path)?.list.path ?? path) ?? 999;
  return out.sort(
    (a, b) =>
      rank(a.path) - rank(b.path) || (itemPathOf(a.path) && itemPathOf(b.path) ? a.path.localeCompare(b.path) : 0),
  );
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
  return z.preprocess(
    withEmptyGroups(requiredGroups(allFields)),
    caseSchema.check(typedAnswersCheck(today, undefined, phoneRule)),
  );
}

// Why a physician withdraws a referral: in ./withdraw-reasons (no zod) for the referral page's bundle.
export { withdrawReasons } from "./withdraw-reasons";
