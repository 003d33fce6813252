// The translation keys of the case schema's messages, and the one error map that picks them from any zod issue, so
// no English default message ever reaches a user.
import type { z } from "zod";

/** Every message key the schema can produce. Each exists in locales/{ko,ja,en}/screen.json. */
export const validationKeys = {
  required: "screen:validation.required",
  invalid: "screen:validation.invalid",
  invalidType: "screen:validation.invalidType",
  invalidChoice: "screen:validation.invalidChoice",
  invalidNumber: "screen:validation.invalidNumber",
  notInteger: "screen:validation.notInteger",
  tooSmall: "screen:validation.tooSmall",
  tooBig: "screen:validation.tooBig",
  tooShort: "screen:validation.tooShort",
  tooLong: "screen:validation.tooLong",
  unrecognized: "screen:validation.unrecognized",
  invalidDate: "screen:validation.invalidDate",
  invalidDateTime: "screen:validation.invalidDateTime",
  invalidCountry: "screen:validation.invalidCountry",
  invalidPhone: "screen:validation.invalidPhone",
  invalidEmail: "screen:validation.invalidEmail",
  invalidIcd10: "screen:validation.invalidIcd10",
  invalidMorphology: "screen:validation.invalidMorphology",
  invalidSha256: "screen:validation.invalidSha256",
  consentRequired: "screen:validation.consentRequired",
  dateAfterReferral: "screen:validation.dateAfterReferral",
  metastasesCountMismatch: "screen:validation.metastasesCountMismatch",
  ascitesMismatch: "screen:validation.ascitesMismatch",
  gleasonMismatch: "screen:validation.gleasonMismatch",
} as const;
export type ValidationKey = (typeof validationKeys)[keyof typeof validationKeys];

const K = validationKeys;

/** The part of a zod issue the key depends on (a raw issue while parsing, or a finished one afterwards). */
export type IssueLike = {
  code?: string;
  input?: unknown;
  expected?: unknown;
  received?: unknown;
  origin?: unknown;
  format?: unknown;
  minimum?: unknown;
  message?: string;
};

export function keyOf(issue: IssueLike, inputKnown: boolean): ValidationKey {
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
export const errorMap = (issue: z.core.$ZodRawIssue): string => keyOf(issue as IssueLike, true);
export const e = { error: errorMap };
