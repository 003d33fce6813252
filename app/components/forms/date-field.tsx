import { useTranslation } from "react-i18next";
import { fieldId } from "./error-summary";
import { describedBy, FieldError, Hint } from "./field-parts";

type Props = { name: string; legend: string; hint?: string; error?: string; defaultValue?: string };

/**
 * A date as three number fields, year / month / day (the natural order in Korean and Japanese, and ISO's),
 * posted as `name.year`, `name.month`, `name.day`; `parseDateParts` on the server joins them.
 */
export function DateField({ name, legend, hint, error, defaultValue }: Props) {
  const { t } = useTranslation();
  const [year = "", month = "", day = ""] = (defaultValue ?? "").split("-");
  const id = fieldId(name);
  const parts = [
    { key: "year", value: year, width: "input--year", autoComplete: undefined },
    { key: "month", value: month, width: "input--short", autoComplete: undefined },
    { key: "day", value: day, width: "input--short", autoComplete: undefined },
  ] as const;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset role="group" aria-describedby={describedBy(name, hint, error)}>
        <legend>{legend}</legend>
        <Hint name={name} hint={hint} />
        <FieldError name={name} error={error} />
        <div className="date-input">
          {parts.map((part, index) => (
            <div className="field" key={part.key}>
              <label htmlFor={index === 0 ? id : `${id}-${part.key}`}>{t(`forms.date.${part.key}`)}</label>
              <input
                id={index === 0 ? id : `${id}-${part.key}`}
                name={`${name}.${part.key}`}
                type="text"
                inputMode="numeric"
                className={part.width}
                defaultValue={part.value.replace(/^0(?=\d)/, "")}
                aria-invalid={error ? true : undefined}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
