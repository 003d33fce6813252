// One zod schema per section of the form, built from the case contract (app/domain/case/schema.ts), that the browser
// (react-hook-form) and the server both validate with, and the schema of a whole case at submission. A section that
// passes here is a part of a case that caseSchema accepts. Pure: runs in the browser.
import { z } from "zod";
import { caseSchema, checkStatusUpdateAddress, issuesOf, validationKeys } from "~/domain/case/schema";
import { itemPathOf } from "~/domain/case/field-catalogue";
import { allFields, fieldAt, sectionFields, type FormSection, type IntakeField } from "./intake-fields";
import { checkTypedAnswers, intakeKeys, type PhoneRule } from "./typed-text";

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

/** A submission: the contract's schema (consents included) and the portal's rules for typed text, on the whole case. */
export function submissionSchema(today: string, phoneRule?: PhoneRule) {
  return z.preprocess(
    withEmptyGroups(requiredGroups(allFields)),
    caseSchema.check(typedAnswersCheck(today, undefined, phoneRule)),
  );
}
