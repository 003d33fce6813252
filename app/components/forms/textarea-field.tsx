import type { TextareaHTMLAttributes } from "react";
import { fieldId } from "~/components/forms/error-summary";
import { describedBy, FieldError, Hint } from "~/components/forms/field-parts";

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> & { name: string; label: string; hint?: string; error?: string };

/** A labelled textarea wired to its hint and error like the shared TextField. */
export function TextAreaField({ name, label, hint, error, ...textarea }: Props) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} {...textarea} />
    </div>
  );
}
