// The referral form's sections and their questions: the field catalogue's (app/domain/case/field-catalogue.ts),
// filtered by section, and which of them a case needs. Pure: runs in the browser.
import {
  factsOf,
  isFieldAsked,
  isIndication as isIndicationCode,
  type ApplicabilityFacts,
} from "~/domain/case/field-applicability";
import { catalogueField, fieldCatalogue, itemPathOf, type FieldKind } from "~/domain/case/field-catalogue";
import type { Indication } from "~/domain/case/schema";

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

export function isIndication(value: unknown): value is Indication {
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
