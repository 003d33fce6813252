import type { InputHTMLAttributes } from "react";
import { fieldId } from "./error-summary";
import { describedBy, FieldFrame } from "./field-parts";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
};

/** A labelled input wired to its hint and error; keeps the typed value after a failed submit via defaultValue. */
export function TextField({ name, label, hint, error, type = "text", className, ...input }: Props) {
  const id = fieldId(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        className={className}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}
