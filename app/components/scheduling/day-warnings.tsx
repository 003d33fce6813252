import { useTranslation } from "react-i18next";
import { fieldId } from "~/components/forms/error-summary";

/**
 * A weekend or public-holiday warning with the box that confirms it. The box posts the date it confirms, so a
 * coordinator who then changes the date is warned about the new one; without JavaScript this is a second submit.
 */
export function DayWarningsConfirm({ date, lines, error }: { date: string; lines: string[]; error?: string }) {
  const { t } = useTranslation();
  const id = fieldId("confirmDay");
  return (
    <div className="banner banner--warning" data-testid="day-warnings">
      <h3>{t("scheduling:warnings.heading")}</h3>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <div className={`field${error ? " field--error" : ""}`}>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <div className="choice">
          <input
            type="checkbox"
            id={id}
            name="confirmDay"
            value={date}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <label htmlFor={id}>{t("scheduling:warnings.confirm")}</label>
        </div>
      </div>
    </div>
  );
}
