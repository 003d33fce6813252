import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export type FieldErrors = Record<string, string>;

/** Field names become element ids: `patient.birthDate` → `field-patient-birthDate`. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * GOV.UK-style error summary: listed at the top, takes focus when it appears, each message links to its field.
 * `errors` values are already translated.
 */
export function ErrorSummary({ errors, formError }: { errors?: FieldErrors; formError?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  const hasErrors = entries.length > 0 || !!formError;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, errors, formError]);
  if (!hasErrors) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("forms.errorSummaryTitle")}</h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
