/**
 * The text of a message or an internal note. Posted as `body`; its id follows the error key (`messageBody`,
 * `noteBody`) so the error summary links to it.
 */
export function BodyField({
  name,
  label,
  hint,
  error,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
}) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name="body"
        rows={4}
        maxLength={2000}
        defaultValue={defaultValue}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
