import { DateField } from "./date-field";

/** What a refused form was answered with: its errors and what was typed. */
export type TypedForm = { errors: Record<string, string>; values: Record<string, string | undefined> };

/**
 * A date a refused form brings back as its three parts (`date.year`, …), put back together for the date field; a
 * part typed alone comes back too, so nothing typed is lost.
 */
function typedDate(values: TypedForm["values"], name: string): string | undefined {
  const [year, month, day] = ["year", "month", "day"].map((part) => values[`${name}.${part}`] ?? "");
  return year || month || day ? `${year}-${month}-${day}` : undefined;
}

/** A date field that shows again what was typed into it, with its error. */
export function TypedDateField({
  typed,
  name,
  legend,
  hint,
}: {
  typed: TypedForm;
  name: string;
  legend: string;
  hint?: string;
}) {
  return (
    <DateField
      name={name}
      legend={legend}
      hint={hint}
      error={typed.errors[name]}
      defaultValue={typedDate(typed.values, name)}
    />
  );
}
