// The referral form: how typed answers (strings) become a case and back, and a section's validation and status.
// Its parts, each with one job, are re-exported here so callers keep one import: the sections and their questions
// (./intake-fields), paths in values (./answer-paths), the portal's rules for typed text (./typed-text) and the zod
// schema per section and at submission (./section-schemas). Pure: no server code, runs in the browser.
import { gleasonSum } from "~/domain/case/gleason";
import { getPath, setPath } from "~/domain/case/paths";
import { deletePath } from "./answer-paths";
import { formValueOf, valueOf, type FlatValues } from "./answer-values";
import { allFields, isAsked, sectionFields, type FormSection, type IntakeField } from "./intake-fields";
import { fieldIssues, sectionSchema, type FieldIssue } from "./section-schemas";
import type { PhoneRule } from "./typed-text";

export { getPath, setPath };
export { toE164, toKatakanaReading, UNKNOWN, type FlatValues } from "./answer-values";
export type { FieldKind } from "~/domain/case/field-catalogue";
export * from "./answer-paths";
export * from "./intake-fields";
export * from "./section-schemas";
export * from "./typed-text";

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

// Why a physician withdraws a referral: in ./withdraw-reasons (no zod) for the referral page's bundle.
export { withdrawReasons } from "./withdraw-reasons";
