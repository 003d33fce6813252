import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import { TypedDateField, type TypedForm } from "~/components/forms/typed-date-field";
import { slotDurations } from "~/modules/scheduling/slots.schema";

/** A day and a time of day on it (`HH:MM`, a short text field), as slots, conferences and their agenda close are set. */
export function DateTimeFields({
  typed,
  date,
  time,
}: {
  typed: TypedForm;
  date: { name: string; legend: string; hint?: string };
  time: { name: string; label: string; hint?: string };
}) {
  return (
    <>
      <TypedDateField typed={typed} {...date} />
      <TextField
        {...time}
        error={typed.errors[time.name]}
        defaultValue={typed.values[time.name]}
        className="input--short"
        autoComplete="off"
      />
    </>
  );
}

/** How long a slot or a conference lasts, one of the lengths the portal books (an hour unless chosen otherwise). */
export function DurationField({ typed, name, label }: { typed: TypedForm; name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <SelectField
      name={name}
      label={label}
      options={slotDurations.map((m) => ({ value: String(m), label: t("scheduling:minutes", { count: m }) }))}
      defaultValue={typed.values[name] ?? "60"}
      error={typed.errors[name]}
    />
  );
}
