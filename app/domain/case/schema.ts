// The referral case: the single zod schema of shared/domain/referral-case.md.
// Two doors share every field definition: `caseSchema` is what a submission must satisfy; `screenCaseSchema` is
// what the anonymous screen (pre-check, JSON API, command line) needs. Error messages are translation keys of the
// "screen" namespace (locales/*/screen.json), translated per request; `issuesOf` turns any zod issue into one.
// The sections are built in ./sections from the field builders (field-builders.ts); the value lists are in
// vocabulary.ts and the message keys in validation-keys.ts, all re-exported here for the rest of the portal.
import { z } from "zod";
import {
  checkAgreement,
  checkDatesBeforeReferral,
  checkStatusUpdateAddress,
  type Dated,
  type WithStatusUpdates,
} from "./cross-field-checks";
import { choice, isoDate, optional, submissionOnly, type Mode } from "./field-builders";
import { attachmentSchema } from "./sections/attachments";
import { diagnosisSchema } from "./sections/diagnosis";
import { clinicalSchema, historySchema } from "./sections/history";
import { consentSchema, patientSchema } from "./sections/patient";
import { e, keyOf, validationKeys as K, type IssueLike } from "./validation-keys";
import { sitePreferences, urgencies } from "./vocabulary";

export * from "./vocabulary";
export { validationKeys, type ValidationKey } from "./validation-keys";
export { checkStatusUpdateAddress } from "./cross-field-checks";

function caseShape<M extends Mode>(mode: M) {
  return z
    .looseObject(
      {
        patient: submissionOnly(mode, patientSchema(mode)),
        preferences: submissionOnly(mode, z.looseObject({ site: submissionOnly(mode, choice(sitePreferences)) }, e)),
        consent: submissionOnly(mode, consentSchema(mode)),
        diagnosis: diagnosisSchema(mode),
        history: submissionOnly(mode, historySchema(mode)),
        clinical: optional(mode, clinicalSchema(mode)),
        referredOn: isoDate(),
        urgency: submissionOnly(mode, choice(urgencies)),
        attachments: submissionOnly(mode, z.array(attachmentSchema(), e)),
      },
      e,
    )
    .superRefine((value, ctx) => {
      checkDatesBeforeReferral(value as Dated, ctx);
      checkAgreement(value as Dated, ctx);
      if (mode === "submission") checkStatusUpdateAddress(value as WithStatusUpdates, ctx);
    });
}

/** What a submitted referral must satisfy: the whole contract of referral-case.md. */
export const caseSchema = caseShape("submission");

/**
 * What the screen needs: `diagnosis.indication` and `referredOn`. Everything else may be absent (or null) and then
 * reads as unknown, but any field that is given must be valid. Unknown extra fields pass through.
 */
export const screenCaseSchema = z.preprocess(withoutUnscreenedFields, caseShape("screen"));

// Identity, contact, codes and attachment metadata: a submission validates them, but the screen never reads them,
// so on the screen door an odd phone format or checksum must not block a clinical answer.
// kq-2026-12 reads the birth date and sex (pregnancy is asked only of women aged 12–55) and the ICD codes (head and
// neck squamous cell carcinoma), so those are validated on the screen door too.
const unscreenedPatientFields = [
  "familyName",
  "givenName",
  "familyNameLatin",
  "givenNameLatin",
  "nameReading",
  "email",
  "phone",
  "referringHospitalId",
];
const unscreenedDiagnosisFields: string[] = [];

function withoutUnscreenedFields(input: unknown): unknown {
  if (!isPlainObject(input)) return input;
  const copy: Record<string, unknown> = { ...input };
  delete copy.attachments;
  if (isPlainObject(copy.patient)) copy.patient = omit(copy.patient, unscreenedPatientFields);
  if (isPlainObject(copy.diagnosis)) {
    const diagnosis = omit(copy.diagnosis, unscreenedDiagnosisFields);
    // Systems write ICD-10 codes in either case ("c11.9"); the screen reads them, so it takes both.
    if (typeof diagnosis.icd10 === "string") diagnosis.icd10 = diagnosis.icd10.trim().toUpperCase();
    copy.diagnosis = diagnosis;
  }
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function omit(object: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

export type ReferralCase = z.infer<typeof caseSchema>;
export type ScreenCase = z.infer<typeof screenCaseSchema>;

export type CaseIssue = { path: string; code: string; messageKey: string; params?: Record<string, unknown> };

/**
 * Every issue of a failed parse as a path ("diagnosis.maxDiameterMm"), zod's code, and a message key of the
 * "screen" namespace with the values its text interpolates. Works for issues of any schema: a message that is
 * already a key is kept, anything else is mapped from its code.
 */
export function issuesOf(error: z.ZodError): CaseIssue[] {
  return error.issues.map((issue) => {
    const raw = issue as unknown as IssueLike & Record<string, unknown>;
    const messageKey = issue.message.startsWith("screen:") ? issue.message : keyOf(raw, false);
    const out: CaseIssue = { path: issue.path.map(String).join("."), code: issue.code, messageKey };
    if (issue.code === "too_small") out.params = { minimum: Number(raw.minimum) };
    else if (issue.code === "too_big") out.params = { maximum: Number(raw.maximum) };
    else if (messageKey === K.invalidChoice && Array.isArray(raw.values))
      out.params = { values: raw.values.map(String).join(", ") };
    else if (issue.code === "unrecognized_keys" && Array.isArray(raw.keys))
      out.params = { keys: raw.keys.map(String).join(", ") };
    return out;
  });
}
