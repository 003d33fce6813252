// The patient and consent sections of the case.
import { z } from "zod";
import {
  bool,
  choice,
  countryCode,
  dateTime,
  e164,
  name,
  optional,
  submissionOnly,
  text,
  isoDate,
  type Mode,
} from "../field-builders";
import { e, validationKeys as K } from "../validation-keys";
import { insuranceValues, preferredLanguages, sexes } from "../vocabulary";

export function patientSchema<M extends Mode>(mode: M) {
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

export function consentSchema<M extends Mode>(mode: M) {
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
