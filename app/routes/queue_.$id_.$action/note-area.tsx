import type { ComponentProps } from "react";
import { TextAreaField } from "~/components/forms/text-area-field";

/**
 * A staff note or message to the physician: the shared text area, held to the 2000 characters the action schemas
 * accept (NOTE_MAX in app/modules/queue/queue.schema.ts).
 */
export function NoteArea(props: Omit<ComponentProps<typeof TextAreaField>, "maxLength">) {
  return <TextAreaField maxLength={2000} {...props} />;
}
