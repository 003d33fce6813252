/** The values a refused save brings back, field by field. */
type FormValues = Record<string, string>;

/** After a refused save, what was typed into a field (empty when nothing came back); otherwise its value in force. */
export function shown(typed: FormValues | undefined, field: string, inForce: string): string {
  return typed ? (typed[field] ?? "") : inForce;
}

/**
 * What one field of a form that edits a site's settings takes: its name, its error, and what it shows (`shown`).
 * Spread into the field, so the field names itself once.
 */
export function editedField<N extends string>(
  typed: FormValues | undefined,
  errors: Record<string, string>,
  name: N,
  inForce: string,
) {
  return { name, error: errors[name], defaultValue: shown(typed, name, inForce) };
}
