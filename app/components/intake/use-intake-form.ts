import type { TFunction } from "i18next";
import type { FieldErrors, Resolver } from "react-hook-form";
import {
  flatten,
  sectionCase,
  sectionSchema,
  fieldIssues,
  setPath,
  type FlatValues,
  type FormSection,
} from "~/modules/intake/intake-form";

/** A flat map of form values as the nested object react-hook-form keeps (dotted names are paths there). */
export function nested(values: FlatValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) setPath(out, name, value);
  return out;
}

/**
 * react-hook-form's resolver for a section: the very schema the action validates with (sectionSchema, built from the
 * case contract), applied to the answers converted as the server converts them; messages in the page's language.
 */
export function intakeResolver(
  section: FormSection,
  today: string,
  saved: Record<string, unknown>,
  t: TFunction,
): Resolver<Record<string, unknown>> {
  const schema = sectionSchema(section, today);
  return async (values) => {
    const parsed = schema.safeParse(sectionCase(section, flatten(values), { today, saved }));
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of fieldIssues(parsed.error))
      setPath(errors, issue.path, { type: "validate", message: t(issue.key, issue.params ?? {}) });
    return { values: {}, errors: errors as FieldErrors<Record<string, unknown>> };
  };
}

/** react-hook-form's nested errors as field path → message. */
export function flatErrors(errors: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (!errors || typeof errors !== "object") return out;
  const node = errors as Record<string, unknown>;
  if (typeof node.message === "string" && prefix) {
    out[prefix] = node.message;
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "ref" || key === "type" || key === "types") continue;
    flatErrors(value, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}
