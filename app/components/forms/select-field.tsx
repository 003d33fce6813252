import type { SelectHTMLAttributes } from "react";
import { controlWiring, FieldFrame, type FieldLabelling } from "./field-parts";
import { SelectOptions, type SelectOption } from "./select-options";

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> &
  FieldLabelling & {
    options: SelectOption[];
    /** Label of an empty first option ("Choose…"); omit for no empty option. */
    placeholder?: string;
  };

export function SelectField({ label, options, placeholder, ...field }: Props) {
  const { name, hint, error, ...select } = field;
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <select {...controlWiring(field)} {...select}>
        <SelectOptions options={options} placeholder={placeholder} />
      </select>
    </FieldFrame>
  );
}
