// The referral case: the single zod schema of shared/domain/referral-case.md.
// Two doors share every field definition: `caseSchema` is what a submission must satisfy; `screenCaseSchema` is
// what the anonymous screen (pre-check, JSON API, command line) needs. Error messages are translation keys of the
// "screen" namespace (locales/*/screen.json), translated per request; `issuesOf` turns any zod issue into one.
import { z } from "zod";
import { isIsoDate } from "./dates";
import { withoutInvisibleControls } from "../names";

// The vocabularies live in ./vocabulary (no zod) so pages that only need the values stay small; re-exported here.
import {
  indications,
  histologies,
  headNeckSubsites,
  sexes,
  preferredLanguages,
  sitePreferences,
  diagnosisStatuses,
  resectability,
  childPughClasses,
  priorRadiotherapyValues,
  urgencies,
  insuranceValues,
  metastasisOrgans,
  ascitesGrades,
  encephalopathyGrades,
  overlapValues,
  attachmentKinds,
  validationKeys,
  type ValidationKey,
} from "./vocabulary";

export * from "./vocabulary";

const K = validationKeys;

/** The part of a zod issue the key depends on (a raw issue while parsing, or a finished one afterwards). */
type IssueLike = {
  code?: string;
  input?: unknown;
  expected?: unknown;
  received?: unknown;
  origin?: unknown;
  format?: unknown;
  minimum?: unknown;
  message?: string;
};

function keyOf(issue: IssueLike, inputKnown: boolean): ValidationKey {
  if (inputKnown && issue.input === undefined && issue.code !== "custom") return K.required;
  switch (issue.code) {
    case "invalid_type": {
      const missing = inputKnown
        ? issue.input === undefined
        : issue.received === "undefined" || /received undefined/.test(issue.message ?? "");
      if (missing) return K.required;
      if (issue.expected === "int") return K.notInteger;
      if (typeof issue.input === "number" || issue.received === "NaN" || issue.received === "Infinity")
        return K.invalidNumber;
      return K.invalidType;
    }
    case "invalid_value":
    case "invalid_union":
      return K.invalidChoice;
    case "invalid_format":
      if (issue.format === "email") return K.invalidEmail;
      if (issue.format === "datetime") return K.invalidDateTime;
      if (issue.format === "date") return K.invalidDate;
      return K.invalid;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? K.required : K.tooShort;
      return K.tooSmall;
    case "too_big":
      return issue.origin === "string" ? K.tooLong : K.tooBig;
    case "not_multiple_of":
      return K.invalidNumber;
    case "unrecognized_keys":
      return K.unrecognized;
    default:
      return K.invalid;
  }
}

/** One error map for every field: it sees the input, so it can tell "missing" from "wrong". */
const errorMap = (issue: z.core.$ZodRawIssue): string => keyOf(issue as IssueLike, true);
const e = { error: errorMap };

// Field builders. Every schema carries the error map, so no English default message ever reaches a user.
const text = (max: number) => z.string(e).trim().min(1, e).max(max, e);
// A name loses NUL and bidirectional controls before anything else looks at it (../names.ts).
const name = (max: number) => z.string(e).overwrite(withoutInvisibleControls).trim().min(1, e).max(max, e);
const isoDate = () => z.string(e).refine(isIsoDate, { error: K.invalidDate });
// A submission's timestamps carry their offset; the screen door also takes a local time (it never reads it).
const dateTime = (mode: Mode) => z.iso.datetime({ offset: true, local: mode === "screen", error: errorMap });
const bool = () => z.boolean(e);
const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, e);
const nonNegative = () => z.number(e).min(0, e);
const integer = (min: number, max?: number) => {
  const base = z.number(e).int(e).min(min, e);
  return max === undefined ? base : base.max(max, e);
};

const countryCode = () => z.string(e).regex(/^[A-Z]{2}$/, { error: K.invalidCountry });
// E.164: a plus, a country code not starting with 0, at most 15 digits in all.
const e164 = () => z.string(e).regex(/^\+[1-9]\d{1,14}$/, { error: K.invalidPhone });
const icd10 = () => z.string(e).regex(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/, { error: K.invalidIcd10 });
const morphology = () => z.string(e).regex(/^\d{4}\/\d$/, { error: K.invalidMorphology });
const sha256 = () => z.string(e).regex(/^[0-9a-f]{64}$/i, { error: K.invalidSha256 });

type Mode = "submission" | "screen";

type Optional<M extends Mode, T extends z.ZodType> = M extends "screen"
  ? z.ZodOptional<z.ZodNullable<T>>
  : z.ZodOptional<T>;
type SubmissionOnly<M extends Mode, T extends z.ZodType> = M extends "screen" ? z.ZodOptional<z.ZodNullable<T>> : T;

/**
 * Optional fields of the contract (`?`): absent means unknown. On the screen door `null` is read as absent too,
 * because many systems write unknown as null.
 */
function optional<M extends Mode, T extends z.ZodType>(mode: M, schema: T): Optional<M, T> {
  return (mode === "screen" ? schema.nullish() : schema.optional()) as Optional<M, T>;
}

/** Fields the contract requires of a submission but the screen can do without (their absence gives `unknown`). */
function submissionOnly<M extends Mode, T extends z.ZodType>(mode: M, schema: T): SubmissionOnly<M, T> {
  return (mode === "screen" ? schema.nullish() : schema) as SubmissionOnly<M, T>;
}

function patientSchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      familyName: submissionOnly(mode, name(100)),
      givenName: submissionOnly(mode, name(100)),
      familyNameLatin: optional(mode, name(100)),
      givenNameLatin: optional(mode, name(100)),
      nameReading: optional(mode, name(200)),
      birthDate: submissionOnly(mode, isoDate()),
      sex: submissionOnly(mode, choice(sexes)),
      residenceCountry: submissionOnly(mode, countryCode()),
      preferredLanguage: submissionOnly(mode, choice(preferredLanguages)),
      email: optional(mode, z.email(e)),
      phone: optional(mode, e164()),
      referringHospitalId: optional(mode, text(64)),
      canTravelAbroad: optional(mode, bool()),
      insurance: optional(mode, choice(insuranceValues)),
    },
    e,
  );
}

function consentSchema<M extends Mode>(mode: M) {
  // A submission needs both consents given (referral-case.md: "required to submit"); the screen needs neither.
  const given = () =>
    (mode === "screen"
      ? bool().nullish()
      : z.literal(true, {
          error: (issue) => (issue.input === undefined ? K.required : K.consentRequired),
        })) as M extends "screen" ? z.ZodOptional<z.ZodNullable<z.ZodBoolean>> : z.ZodLiteral<true>;
  return z.looseObject(
    {
      sensitiveData: given(),
      crossBorder: submissionOnly(mode, bool()),
      informedOfDiagnosis: given(),
      // Issue #11: research use of de-identified data, a separate and optional consent; absent reads as not given.
      research: optional(mode, bool()),
      // Issue #17: the patient asked to be told, at `patient.email`, when their status changes (opt-in; absent = no).
      statusUpdates: optional(mode, bool()),
      recordedAt: submissionOnly(mode, dateTime(mode)),
    },
    e,
  );
}

function tnmSchema<M extends Mode>(mode: M) {
  // Free strings (`T2a`, `cN0`, `M1b`, `UICC8`): the rules parse what they need and read anything else as unknown.
  return z.looseObject(
    {
      t: optional(mode, text(16)),
      n: optional(mode, text(16)),
      m: optional(mode, text(16)),
      edition: optional(mode, text(32)),
    },
    e,
  );
}

function diagnosisSchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      indication: choice(indications),
      icd10: optional(mode, icd10()),
      histology: submissionOnly(mode, choice(histologies)),
      icdO3Morphology: optional(mode, morphology()),
      histologicallyConfirmed: optional(mode, bool()),
      haematological: optional(mode, bool()),
      subsite: optional(mode, choice(headNeckSubsites)),
      status: submissionOnly(mode, choice(diagnosisStatuses)),
      resectable: submissionOnly(mode, choice(resectability)),
      tnm: optional(mode, tnmSchema(mode)),
      stage: optional(mode, text(16)),
      maxDiameterMm: optional(mode, nonNegative()),
      distantMetastasisSites: optional(mode, integer(0)),
      peritonealOrMeningealSpread: optional(mode, bool()),
      invadesGiTract: optional(mode, bool()),
      abutsGiTract: optional(mode, bool()),
      invadesSpinalCord: optional(mode, bool()),
      anastomoticRecurrence: optional(mode, bool()),
      psaNgMl: optional(mode, nonNegative()),
      gleasonScore: optional(mode, integer(2, 10)),
      // Issue #15: the two patterns; gleasonScore stays their sum, the field the screen reads.
      gleasonPrimary: optional(mode, integer(1, 5)),
      gleasonSecondary: optional(mode, integer(1, 5)),
      childPugh: optional(mode, choice(childPughClasses)),
      ascites: optional(mode, bool()),
      ascitesGrade: optional(mode, choice(ascitesGrades)),
      metastases: optional(mode, z.array(metastasisSchema(), e).max(20, e)),
      imagingDate: optional(mode, isoDate()),
      labs: optional(mode, labsSchema(mode)),
    },
    e,
  );
}

function metastasisSchema() {
  return z.looseObject({ organ: choice(metastasisOrgans), lesions: integer(1, 999) }, e);
}

function labsSchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      bilirubinMgDl: optional(mode, nonNegative().max(100, e)),
      albuminGDl: optional(mode, nonNegative().max(10, e)),
      inr: optional(mode, nonNegative().max(20, e)),
      measuredOn: optional(mode, isoDate()),
    },
    e,
  );
}

function radiotherapyCourseSchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      endedOn: isoDate(),
      region: text(200),
      doseGy: optional(mode, nonNegative().max(200, e)),
      fractions: optional(mode, integer(1, 100)),
      overlapsTarget: choice(overlapValues),
      outcome: optional(mode, text(STORY_ITEM_MAX)),
    },
    e,
  );
}

// Issue #15, the clinical story: free text has a ceiling so a pasted record cannot swamp a referral.
const STORY_MAX = 4000;
const STORY_ITEM_MAX = 500;

function surgerySchema<M extends Mode>(mode: M) {
  return z.looseObject({ date: isoDate(), procedure: text(200), outcome: optional(mode, text(STORY_ITEM_MAX)) }, e);
}

function systemicTherapySchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      startedOn: isoDate(),
      drug: text(200),
      line: optional(mode, integer(1, 20)),
      outcome: optional(mode, text(STORY_ITEM_MAX)),
    },
    e,
  );
}

function historySchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      priorRadiotherapy: submissionOnly(mode, choice(priorRadiotherapyValues)),
      priorRadiotherapyEndedOn: optional(mode, isoDate()),
      radiotherapyCourses: optional(mode, z.array(radiotherapyCourseSchema(mode), e).max(20, e)),
      clinicalSummary: optional(mode, text(STORY_MAX)),
      referralReason: optional(mode, text(STORY_MAX)),
      surgeries: optional(mode, z.array(surgerySchema(mode), e).max(20, e)),
      systemicTherapies: optional(mode, z.array(systemicTherapySchema(mode), e).max(20, e)),
    },
    e,
  );
}

function clinicalSchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      ecog: optional(mode, integer(0, 4)),
      canLieStill30Min: optional(mode, bool()),
      activeInfectionInField: optional(mode, bool()),
      metalImplantInField: optional(mode, bool()),
      cardiacDevice: optional(mode, bool()),
      pregnant: optional(mode, bool()),
      encephalopathyGrade: optional(mode, choice(encephalopathyGrades)),
      comorbidities: optional(mode, text(STORY_MAX)),
      medicines: optional(mode, text(STORY_MAX)),
    },
    e,
  );
}

function attachmentSchema() {
  return z.looseObject(
    {
      kind: choice(attachmentKinds),
      fileName: text(255),
      mediaType: text(127),
      sizeBytes: integer(0),
      sha256: sha256(),
    },
    e,
  );
}

type Dated = {
  referredOn?: unknown;
  patient?: { birthDate?: unknown } | null;
  diagnosis?: {
    imagingDate?: unknown;
    labs?: { measuredOn?: unknown } | null;
    metastases?: unknown[] | null;
    distantMetastasisSites?: unknown;
    ascites?: unknown;
    ascitesGrade?: unknown;
    gleasonScore?: unknown;
    gleasonPrimary?: unknown;
    gleasonSecondary?: unknown;
  } | null;
  history?: {
    priorRadiotherapyEndedOn?: unknown;
    radiotherapyCourses?: { endedOn?: unknown }[] | null;
    surgeries?: { date?: unknown }[] | null;
    systemicTherapies?: { startedOn?: unknown }[] | null;
  } | null;
};

/** Dates that must lie on or before the referral date: a birth, an imaging, a laboratory test, an ended course. */
function checkDatesBeforeReferral(value: Dated, ctx: z.core.$RefinementCtx<unknown>) {
  if (!isIsoDate(value.referredOn)) return;
  const referredOn = value.referredOn;
  const check = (date: unknown, path: (string | number)[]) => {
    if (isIsoDate(date) && date > referredOn) {
      ctx.addIssue({ code: "custom", path, message: K.dateAfterReferral, input: date });
    }
  };
  check(value.patient?.birthDate, ["patient", "birthDate"]);
  check(value.diagnosis?.imagingDate, ["diagnosis", "imagingDate"]);
  check(value.diagnosis?.labs?.measuredOn, ["diagnosis", "labs", "measuredOn"]);
  check(value.history?.priorRadiotherapyEndedOn, ["history", "priorRadiotherapyEndedOn"]);
  (value.history?.radiotherapyCourses ?? []).forEach((course, i) =>
    check(course.endedOn, ["history", "radiotherapyCourses", i, "endedOn"]),
  );
  (value.history?.surgeries ?? []).forEach((surgery, i) => check(surgery?.date, ["history", "surgeries", i, "date"]));
  (value.history?.systemicTherapies ?? []).forEach((line, i) =>
    check(line?.startedOn, ["history", "systemicTherapies", i, "startedOn"]),
  );
}

type WithStatusUpdates = { consent?: { statusUpdates?: unknown } | null; patient?: { email?: unknown } | null };

/** A patient who asked for status e-mails must have given an address for them (issue #17). */
export function checkStatusUpdateAddress(value: WithStatusUpdates, ctx: z.core.$RefinementCtx<unknown>) {
  if (value.consent?.statusUpdates !== true) return;
  const email = value.patient?.email;
  if (email === undefined || email === null || email === "")
    ctx.addIssue({ code: "custom", path: ["patient", "email"], message: K.required, input: email });
}

/** Two ways of saying the same thing must agree (referral-case.md, additions for kq-2026-12). */
function checkAgreement(value: Dated, ctx: z.core.$RefinementCtx<unknown>) {
  const d = value.diagnosis;
  if (!d) return;
  const sites = d.distantMetastasisSites;
  if (Array.isArray(d.metastases) && typeof sites === "number" && sites !== d.metastases.length) {
    ctx.addIssue({
      code: "custom",
      path: ["diagnosis", "distantMetastasisSites"],
      message: K.metastasesCountMismatch,
      input: sites,
    });
  }
  if (
    typeof d.ascites === "boolean" &&
    typeof d.ascitesGrade === "string" &&
    d.ascites !== (d.ascitesGrade !== "none")
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["diagnosis", "ascitesGrade"],
      message: K.ascitesMismatch,
      input: d.ascitesGrade,
    });
  }
  const [score, primary, secondary] = [d.gleasonScore, d.gleasonPrimary, d.gleasonSecondary];
  if (
    typeof score === "number" &&
    typeof primary === "number" &&
    typeof secondary === "number" &&
    score !== primary + secondary
  ) {
    ctx.addIssue({ code: "custom", path: ["diagnosis", "gleasonScore"], message: K.gleasonMismatch, input: score });
  }
}

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
