import type { InputHTMLAttributes } from "react";
import { controlWiring, FieldFrame, type FieldLabelling } from "./field-parts";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & FieldLabelling;

/** A labelled input wired to its hint and error; keeps the typed value after a failed submit via defaultValue. */
export function TextField({ label, type = "text", ...input }: Props) {
  const { name, hint, error, ...attributes } = input;
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <input type={type} {...controlWiring(input)} {...attributes} />
    </FieldFrame>
  );
}
