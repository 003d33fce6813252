import { useTranslation } from "react-i18next";
import { indicationKey } from "~/components/decision-panel/labels";
import { DateField } from "~/components/forms/date-field";
import { RadioGroup } from "~/components/forms/radio-group";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { isLanguage } from "~/i18n/config";
import { precheckSections, UNKNOWN, type PrecheckField } from "~/modules/screening/precheck-form";
import type { FormValues } from "~/utils/form.server";

type Props = {
  /** What was posted (no-JavaScript round trip), to show again; undefined on a fresh page. */
  values?: FormValues;
  errors: Record<string, string>;
  /** The questions that matter for the chosen indication; the others stay in the page but hidden. */
  relevant: Set<string>;
  today: string;
  countries: { value: string; label: string }[];
  siteNames: SiteNames;
  onIndicationChange: (indication: string) => void;
  /** Without JavaScript the page cannot reveal an indication's questions by itself: a button asks the server. */
  showIndicationButton: boolean;
};

/** Where an option set's words live, by field. */
const optionBook: Record<string, string> = {
  "diagnosis.histology": "precheck:options.histology",
  "diagnosis.subsite": "precheck:options.subsite",
  "diagnosis.status": "precheck:options.status",
  "diagnosis.resectable": "precheck:options.resectable",
  "diagnosis.childPugh": "precheck:options.childPugh",
  "history.priorRadiotherapy": "precheck:options.priorRadiotherapy",
  "clinical.ecog": "precheck:options.ecog",
};

/** A field's text as posted; a date's three parts joined back (however they were typed). */
function posted(values: FormValues | undefined, field: PrecheckField): string | undefined {
  if (!values) return undefined;
  if (field.kind.type === "date") {
    const parts = ["year", "month", "day"].map((p) => values[`${field.path}.${p}`] ?? "");
    return parts.some(Boolean) ? parts.join("-") : "";
  }
  return values[field.path] ?? "";
}

export function PrecheckFields({ values, errors, relevant, today, countries, siteNames, onIndicationChange, showIndicationButton }: Props) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const label = (path: string) => t(`precheck:questions.${path}.label`);
  const hint = (path: string) => (i18n.exists(`precheck:questions.${path}.hint`) ? t(`precheck:questions.${path}.hint`) : undefined);

  function render(field: PrecheckField) {
    const { path, kind } = field;
    const error = errors[path];
    const value = posted(values, field);
    const common = { name: path, error, hint: hint(path) };
    switch (kind.type) {
      case "select": {
        const isIndicationField = path === "diagnosis.indication";
        const options = kind.options.map((o) => ({ value: o, label: isIndicationField ? t(indicationKey(o)) : t(`${optionBook[path]}.${o}`) }));
        return (
          <>
            <SelectField
              {...common}
              label={label(path)}
              options={options}
              placeholder={t(isIndicationField ? "precheck:options.choose" : "precheck:options.notKnown")}
              defaultValue={value ?? ""}
              onChange={isIndicationField ? (e) => onIndicationChange(e.currentTarget.value) : undefined}
            />
            {isIndicationField && showIndicationButton ? (
              <p>
                <button type="submit" name="intent" value="indication" formNoValidate className="button button--secondary">
                  {t("precheck:actions.showQuestions")}
                </button>
              </p>
            ) : null}
          </>
        );
      }
      case "country":
        return <SelectField {...common} label={label(path)} options={countries} placeholder={t("precheck:options.notKnown")} defaultValue={value ?? ""} />;
      case "yesNoUnknown":
        return (
          <RadioGroup
            {...common}
            legend={label(path)}
            inline
            defaultValue={value || UNKNOWN}
            options={["yes", "no", UNKNOWN].map((o) => ({ value: o, label: t(`precheck:options.yesNoUnknown.${o}`) }))}
          />
        );
      case "radio": {
        const options = kind.options.map((o) => ({
          value: o,
          label:
            path === "preferences.site"
              ? o === "none"
                ? t("precheck:options.sitePreference.none")
                : (siteNames[o]?.[lng] ?? o)
              : t(`${optionBook[path]}.${o}`),
        }));
        if (kind.unknownOption) options.push({ value: UNKNOWN, label: t("precheck:options.yesNoUnknown.unknown") });
        const fallback = path === "preferences.site" ? "none" : kind.unknownOption || kind.options.includes(UNKNOWN) ? UNKNOWN : undefined;
        return <RadioGroup {...common} legend={label(path)} inline={kind.options.length <= 4} defaultValue={value || fallback} options={options} />;
      }
      case "number":
        return (
          <TextField
            {...common}
            label={label(path)}
            inputMode={kind.integer ? "numeric" : "decimal"}
            autoComplete="off"
            className="input--year"
            defaultValue={value ?? ""}
          />
        );
      case "text":
        return <TextField {...common} label={label(path)} autoComplete="off" spellCheck={false} className="input--year" defaultValue={value ?? ""} />;
      case "date":
        return <DateField {...common} legend={label(path)} defaultValue={value ?? (path === "referredOn" ? today : "")} />;
    }
  }

  return (
    <>
      {precheckSections.map((section) => {
        const shown = section.fields.some((f) => relevant.has(f.path));
        return (
          <section key={section.id} className="precheck__section" aria-labelledby={`section-${section.id}`} hidden={!shown}>
            <h2 id={`section-${section.id}`}>{t(`precheck:sections.${section.id}.title`)}</h2>
            {i18n.exists(`precheck:sections.${section.id}.intro`) ? <p className="hint">{t(`precheck:sections.${section.id}.intro`)}</p> : null}
            {section.fields.map((field) => (
              <div key={field.path} data-field={field.path} hidden={!relevant.has(field.path)}>
                {render(field)}
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}

