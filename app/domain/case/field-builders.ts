// The field builders every section schema is made of. Each carries the error map (validation-keys.ts).
import { z } from "zod";
import { isIsoDate } from "./dates";
import { withoutInvisibleControls } from "../names";
import { e, errorMap, validationKeys as K } from "./validation-keys";

// Field builders. Every schema carries the error map, so no English default message ever reaches a user.
export const text = (max: number) => z.string(e).trim().min(1, e).max(max, e);
// A name loses NUL and bidirectional controls before anything else looks at it (../names.ts).
export const name = (max: number) => z.string(e).overwrite(withoutInvisibleControls).trim().min(1, e).max(max, e);
export const isoDate = () => z.string(e).refine(isIsoDate, { error: K.invalidDate });
// A submission's timestamps carry their offset; the screen door also takes a local time (it never reads it).
export const dateTime = (mode: Mode) => z.iso.datetime({ offset: true, local: mode === "screen", error: errorMap });
export const bool = () => z.boolean(e);
export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, e);
export const nonNegative = () => z.number(e).min(0, e);
export const integer = (min: number, max?: number) => {
  const base = z.number(e).int(e).min(min, e);
  return max === undefined ? base : base.max(max, e);
};

export const countryCode = () => z.string(e).regex(/^[A-Z]{2}$/, { error: K.invalidCountry });
// E.164: a plus, a country code not starting with 0, at most 15 digits in all.
export const e164 = () => z.string(e).regex(/^\+[1-9]\d{1,14}$/, { error: K.invalidPhone });
export const icd10 = () => z.string(e).regex(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/, { error: K.invalidIcd10 });
export const morphology = () => z.string(e).regex(/^\d{4}\/\d$/, { error: K.invalidMorphology });
export const sha256 = () => z.string(e).regex(/^[0-9a-f]{64}$/i, { error: K.invalidSha256 });

export type Mode = "submission" | "screen";

export type Optional<M extends Mode, T extends z.ZodType> = M extends "screen"
  ? z.ZodOptional<z.ZodNullable<T>>
  : z.ZodOptional<T>;
export type SubmissionOnly<M extends Mode, T extends z.ZodType> = M extends "screen"
  ? z.ZodOptional<z.ZodNullable<T>>
  : T;

/**
 * Optional fields of the contract (`?`): absent means unknown. On the screen door `null` is read as absent too,
 * because many systems write unknown as null.
 */
export function optional<M extends Mode, T extends z.ZodType>(mode: M, schema: T): Optional<M, T> {
  return (mode === "screen" ? schema.nullish() : schema.optional()) as Optional<M, T>;
}

/** Fields the contract requires of a submission but the screen can do without (their absence gives `unknown`). */
export function submissionOnly<M extends Mode, T extends z.ZodType>(mode: M, schema: T): SubmissionOnly<M, T> {
  return (mode === "screen" ? schema.nullish() : schema) as SubmissionOnly<M, T>;
}
