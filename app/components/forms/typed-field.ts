import type { TypedForm } from "./typed-date-field";

/**
 * What one field of a form takes from the answer to a refused post: its name, its error, and what was typed into it
 * (else the value in force, when the form edits something that exists). Spread into TextField, TextAreaField or
 * SelectField, so a field names itself once and cannot show another field's error or text.
 */
export function typedField(typed: TypedForm | undefined, name: string, inForce?: string | null) {
  return { name, error: typed?.errors[name], defaultValue: typed?.values[name] ?? inForce ?? undefined };
}
