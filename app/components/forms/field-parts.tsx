import type { ReactNode } from "react";
import { fieldId } from "./error-summary";

/** What every labelled field takes: the posted name (its id derives from it), the label, a hint and an error. */
export type FieldLabelling = { name: string; label: string; hint?: string; error?: string };

/** The id of a field's hint or error note, which `aria-describedby` points at. */
function noteId(name: string, kind: "hint" | "error"): string {
  return `${fieldId(name)}-${kind}`;
}

/** Ids for a field's hint and error, joined for aria-describedby. */
export function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? noteId(name, "hint") : null, error ? noteId(name, "error") : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/**
 * The attributes a field's own control carries: its id and name, `aria-invalid` when it has an error, and
 * `aria-describedby` pointing at its hint and error notes.
 */
export function controlWiring({ name, hint, error }: Omit<FieldLabelling, "label">) {
  return {
    id: fieldId(name),
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, hint, error),
  };
}

const noteClass = { hint: "hint", error: "field-error" } as const;

/** A field's hint or error, under the id its control's `aria-describedby` names; nothing when there is no text. */
function FieldNote({ name, kind, text }: { name: string; kind: "hint" | "error"; text?: string }) {
  return text ? (
    <p className={noteClass[kind]} id={noteId(name, kind)}>
      {text}
    </p>
  ) : null;
}

export function Hint({ name, hint }: { name: string; hint?: string }) {
  return <FieldNote name={name} kind="hint" text={hint} />;
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  return <FieldNote name={name} kind="error" text={error} />;
}

/**
 * A labelled field's frame: the label (for the control with the field's id), its hint and its error above the
 * control, and the error style on the whole field. The control itself wires `describedBy` and `aria-invalid`.
 */
export function FieldFrame({ name, label, hint, error, children }: FieldLabelling & { children: ReactNode }) {
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
