import type { TextareaHTMLAttributes } from "react";
import { controlWiring, FieldFrame, type FieldLabelling } from "./field-parts";

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> & FieldLabelling;

/** A labelled text area wired to its hint and error, like TextField; keeps the typed text via defaultValue. */
export function TextAreaField({ label, rows = 4, ...field }: Props) {
  const { name, hint, error, ...textarea } = field;
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <textarea rows={rows} {...controlWiring(field)} {...textarea} />
    </FieldFrame>
  );
}
