import type { InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { ChoiceFieldset, FieldError, FieldFrame, Hint } from "~/components/forms/field-parts";
import { SelectOptions } from "~/components/forms/select-options";
import type { IntakeField } from "~/modules/intake/intake-form";
import type { FieldContext, Wiring } from "./intake-field-wiring";

type Kind = IntakeField["kind"];

/** Radios in a fieldset named by the question; the first radio carries the field's id, for the error summary. */
export function RadioChoices({
  w,
  options,
  inline,
}: {
  w: Wiring;
  options: { value: string; label: string; lang?: string }[];
  inline: boolean;
}) {
  return (
    <ChoiceFieldset
      name={w.path}
      legend={w.label}
      hint={w.hint}
      error={w.error}
      choicesClassName={inline ? "choices" : undefined}
    >
      {options.map((o, index) => {
        const optionId = index === 0 ? w.id : `${w.id}-${o.value}`;
        return (
          <div className="choice" key={o.value}>
            <input type="radio" id={optionId} value={o.value} defaultChecked={w.value === o.value} {...w.reg(w.path)} />
            <label htmlFor={optionId} lang={o.lang}>
              {o.label}
            </label>
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}

const dateParts = [
  { key: "year", className: "input--year" },
  { key: "month", className: "input--short" },
  { key: "day", className: "input--short" },
] as const;

/** A date as year, month and day boxes in one group; the year box carries the field's id. */
export function DateParts({ w, values }: { w: Wiring; values: FieldContext["values"] }) {
  const { t } = useTranslation();
  return (
    <div className={`field${w.error ? " field--error" : ""}`}>
      <fieldset role="group" aria-describedby={w.aria["aria-describedby"]}>
        <legend>{w.label}</legend>
        <Hint name={w.path} hint={w.hint} />
        <FieldError name={w.path} error={w.error} />
        <div className="date-input">
          {dateParts.map((part, index) => {
            const partId = index === 0 ? w.id : `${w.id}-${part.key}`;
            return (
              <div className="field" key={part.key}>
                <label htmlFor={partId}>{t(`forms.date.${part.key}`)}</label>
                <input
                  id={partId}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  className={part.className}
                  defaultValue={values[`${w.path}.${part.key}`] ?? ""}
                  aria-invalid={w.error ? true : undefined}
                  {...w.reg(`${w.path}.${part.key}`)}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A list of choices with an empty "choose" first. */
export function SelectChoices({ w, options }: { w: Wiring; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <FieldFrame name={w.path} label={w.label} hint={w.hint} error={w.error}>
      <select id={w.id} defaultValue={w.value} {...w.aria} {...w.reg(w.path)}>
        <SelectOptions options={options} placeholder={t("intake:form.choose")} />
      </select>
    </FieldFrame>
  );
}

/** A consent's box, described by the notice above it (which the page shows with the consent's full text). */
export function ConsentBox({ w }: { w: Wiring }) {
  const { t } = useTranslation();
  return (
    <div className={`field${w.error ? " field--error" : ""}`}>
      <FieldError name={w.path} error={w.error} />
      <div className="choice">
        <input
          type="checkbox"
          id={w.id}
          value="true"
          defaultChecked={w.value === "true"}
          aria-describedby={[`${w.id}-notice`, w.error ? `${w.id}-error` : null].filter(Boolean).join(" ")}
          aria-invalid={w.error ? true : undefined}
          {...w.reg(w.path)}
        />
        <label htmlFor={w.id}>{t(`intake:consent.${w.path.split(".")[1]}.checkbox`)}</label>
      </div>
    </div>
  );
}

/** The input's attributes for a kind of text: numbers' keypad, a reading in Japanese, a Latin name in capitals. */
function textAttributes(kind: Kind): InputHTMLAttributes<HTMLInputElement> {
  const isNumber = kind.type === "number";
  const variant = kind.type === "text" ? kind.variant : undefined;
  return {
    type: kind.type === "email" ? "email" : kind.type === "phone" ? "tel" : "text",
    inputMode: isNumber ? (kind.integer ? "numeric" : "decimal") : undefined,
    autoComplete: "off",
    spellCheck: false,
    lang: variant === "reading" ? "ja" : variant === "latin" ? "en" : undefined,
    autoCapitalize: variant === "latin" ? "characters" : undefined,
    className: isNumber || variant === "code" ? "input--year" : undefined,
  };
}

/** A typed answer: one line (text, number, e-mail, phone) or, for long text, a text area. */
export function TextAnswer({ w, kind }: { w: Wiring; kind: Kind }) {
  return (
    <FieldFrame name={w.path} label={w.label} hint={w.hint} error={w.error}>
      {kind.type === "text" && kind.multiline ? (
        <textarea id={w.id} rows={5} defaultValue={w.value} {...w.aria} {...w.reg(w.path)} />
      ) : (
        <input id={w.id} {...textAttributes(kind)} defaultValue={w.value} {...w.aria} {...w.reg(w.path)} />
      )}
    </FieldFrame>
  );
}
