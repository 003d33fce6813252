import type { InputHTMLAttributes } from "react";
import { fieldId } from "./error-summary";
import { describedBy, FieldError, Hint } from "./field-parts";

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
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <input
        id={id}
        name={name}
        type={type}
        className={className}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...input}
      />
    </div>
  );
}
