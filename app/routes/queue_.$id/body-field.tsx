import { controlWiring, FieldFrame } from "~/components/forms/field-parts";

/**
 * The text of a message or an internal note. Posted as `body`; its id follows the error key (`messageBody`,
 * `noteBody`) so the error summary links to it.
 */
export function BodyField({
  defaultValue,
  ...field
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
}) {
  return (
    <FieldFrame {...field}>
      <textarea {...controlWiring(field)} name="body" rows={4} maxLength={2000} defaultValue={defaultValue} />
    </FieldFrame>
  );
}
