import type { ReactNode } from "react";
import { SubmitButton, type ButtonVariant } from "./post-form";

/**
 * The button of a small form whose fields stand in one row (the queue's filters and sorting, a saved view, the
 * dashboard's period): in a box of its own like a field's, so it lines up with the fields beside it.
 */
export function FieldRowSubmit({ variant, children }: { variant?: ButtonVariant; children: ReactNode }) {
  return (
    <div className="field">
      <SubmitButton variant={variant}>{children}</SubmitButton>
    </div>
  );
}
