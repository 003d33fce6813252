import type { ReactNode } from "react";
import { fieldId } from "./error-summary";

/** Ids for a field's hint and error, joined for aria-describedby. */
export function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Hint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <p className="hint" id={`${fieldId(name)}-hint`}>
      {hint}
    </p>
  ) : null;
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${fieldId(name)}-error`}>
      {error}
    </p>
  ) : null;
}

/**
 * A labelled field's frame: the label (for the control with the field's id), its hint and its error above the
 * control, and the error style on the whole field. The control itself wires `describedBy` and `aria-invalid`.
 */
export function FieldFrame({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      {children}
    </div>
  );
}

/**
 * A group of radios or checkboxes: the fieldset named by its legend and described by its hint and error, the error
 * style on the whole field, and the choices in columns (`checkbox-columns`), in one row (`choices`) or stacked.
 */
export function ChoiceFieldset({
  name,
  legend,
  hint,
  error,
  choicesClassName,
  children,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  choicesClassName?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend>{legend}</legend>
        <Hint name={name} hint={hint} />
        <FieldError name={name} error={error} />
        <div className={choicesClassName}>{children}</div>
      </fieldset>
    </div>
  );
}
