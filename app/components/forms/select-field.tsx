import type { SelectHTMLAttributes } from "react";
import { fieldId } from "./error-summary";
import { describedBy, FieldFrame } from "./field-parts";

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  /** Label of an empty first option ("Choose…"); omit for no empty option. */
  placeholder?: string;
};

export function SelectField({ name, label, hint, error, options, placeholder, ...select }: Props) {
  const id = fieldId(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
