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
