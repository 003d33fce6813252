// The small tools every criterion kind shares: reading a dotted case path, and building results.
import type { ScreenCase } from "../case/schema";
import type { CriterionDef, CriterionResult, CriterionStatus, CriterionValue } from "./types";

export type Getter = (c: ScreenCase) => unknown;

export function getter(path: string): Getter {
  const keys = path.split(".");
  return (c) => {
    let value: unknown = c;
    for (const key of keys) {
      if (value === null || value === undefined) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
}

export const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
export const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

type Extra = Pick<CriterionResult, "resolve" | "details" | "cap">;

/**
 * Result builders of one criterion. The `fields` and `missing` arrays are shared by every result of the criterion,
 * so they are frozen. A flag carries the code of what would settle it (the criterion's, unless the rule gives a
 * finer one); a not_applicable result the code of why it does not apply.
 */
export function resultsOf(def: CriterionDef, fields: string[]) {
  Object.freeze(fields);
  const source = def.sources[0];
  const ok = (
    status: CriterionStatus,
    value: CriterionValue | undefined,
    expected: string | undefined,
    extra?: Extra,
  ): CriterionResult => {
    const r: CriterionResult = { id: def.id, status, fields };
    if (value !== undefined) r.value = value;
    if (expected !== undefined) r.expected = expected;
    if (source !== undefined) r.source = source;
    const resolve = extra?.resolve ?? def.resolve;
    if (resolve !== undefined && (status === "flag" || status === "not_applicable")) r.resolve = resolve;
    if (extra?.details !== undefined) r.details = extra.details;
    if (extra?.cap !== undefined) r.cap = extra.cap;
    return r;
  };
  const unknown = (
    missing: string[],
    value: CriterionValue | undefined,
    expected: string | undefined,
    extra?: Extra,
  ): CriterionResult => {
    const r = ok("unknown", value, expected, extra);
    r.missing = Object.isFrozen(missing) ? missing : (Object.freeze(missing) as string[]);
    return r;
  };
  return { ok, unknown };
}

export type Results = ReturnType<typeof resultsOf>;
