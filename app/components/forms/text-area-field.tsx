import type { TextareaHTMLAttributes } from "react";
import { fieldId } from "./error-summary";
import { describedBy, FieldFrame } from "./field-parts";

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
};

/** A labelled text area wired to its hint and error, like TextField; keeps the typed text via defaultValue. */
export function TextAreaField({ name, label, hint, error, rows = 4, ...textarea }: Props) {
  const id = fieldId(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}
