import type { TFunction } from "i18next";
import type { z } from "zod";

export type FormValues = Record<string, string>;
export type FormResult<T> =
  { ok: true; data: T; values: FormValues } | { ok: false; errors: Record<string, string>; values: FormValues };

const ignored = new Set(["_csrf", "intent"]);
const translationKey = /^[a-z]+:[\w.]+$/;

/** The posted fields as a flat name → text map (files and control fields left out), for re-display. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of formData) {
    if (typeof value === "string" && !ignored.has(name)) values[name] = value;
  }
  return values;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/**
 * Dotted names become nested objects; blank fields are absent (absent means unknown);
 * `x.year` / `x.month` / `x.day` become one ISO date `x` (full-width digits accepted).
 */
export function nestValues(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const dates = new Map<string, Record<string, string>>();
  for (const [name, raw] of Object.entries(values)) {
    const value = raw.trim();
    const datePart = /^(.*)\.(year|month|day)$/.exec(name);
    if (datePart) {
      const parts = dates.get(datePart[1]!) ?? {};
      parts[datePart[2]!] = value.normalize("NFKC");
      dates.set(datePart[1]!, parts);
    } else if (value !== "") {
      setPath(out, name.split("."), value);
    }
  }
  for (const [name, { year = "", month = "", day = "" }] of dates) {
    if (year || month || day)
      setPath(out, name.split("."), `${year.padStart(4, "0")}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`);
  }
  return out;
}

/** The first translated message per field; schema messages are translation keys, zod's own codes get generic words. */
export function translateIssues(issues: z.core.$ZodIssue[], t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || "_form";
    if (errors[path]) continue;
    if (translationKey.test(issue.message)) {
      errors[path] = t(issue.message, (issue as { params?: Record<string, unknown> }).params ?? {});
    } else if (issue.code === "too_small") {
      errors[path] = t("validation:tooSmall", { minimum: String(issue.minimum) });
    } else if (issue.code === "too_big") {
      errors[path] = t("validation:tooBig", { maximum: String(issue.maximum) });
    } else if (issue.code === "invalid_value") {
      errors[path] = t("validation:invalidChoice");
    } else if (issue.code === "invalid_format") {
      errors[path] = t(issue.format === "email" ? "validation:invalidEmail" : "validation:invalidFormat");
    } else {
      // invalid_type on a form is almost always an empty required field (blank fields are absent).
      errors[path] = t("validation:required");
    }
  }
  return errors;
}

/** Validates posted form data with a zod schema: data on success, translated field errors and the typed values on failure. */
export function validateForm<S extends z.ZodType>(schema: S, formData: FormData, t: TFunction): FormResult<z.infer<S>> {
  const values = formValues(formData);
  const parsed = schema.safeParse(nestValues(values));
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: translateIssues(parsed.error.issues, t), values };
}
