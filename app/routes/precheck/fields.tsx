import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ListField } from "~/components/forms/list-field";
import { rowCount } from "~/components/forms/repeatable-rows";
import { itemPathOf } from "~/domain/case/field-catalogue";
import { sitePreferences } from "~/domain/case/vocabulary";
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
  /** Rows each list shows (after "add another"). */
  rows?: Record<string, number>;
};

/** A question's label and hint: the pre-check's own question where it has one, else the case field's words. */
function useQuestionWords() {
  const { t, i18n } = useTranslation();
  return {
    label: (path: string) => {
      const inRow = itemPathOf(path);
      if (inRow) return t(`case:items.${inRow.list.path.split(".").pop()}.${inRow.item.key}`);
      return i18n.exists(`precheck:questions.${path}.label`)
        ? t(`precheck:questions.${path}.label`)
        : t(`screen:fields.${path}`);
    },
    hint: (path: string) =>
      i18n.exists(`precheck:questions.${path}.hint`) ? t(`precheck:questions.${path}.hint`) : undefined,
  };
}

/** A field's text as posted; a date's three parts joined back (however they were typed). */
function posted(values: FormValues | undefined, field: PrecheckField): string | undefined {
  if (!values) return undefined;
  if (field.kind.type === "date") {
    const parts = ["year", "month", "day"].map((p) => values[`${field.path}.${p}`] ?? "");
    return parts.some(Boolean) ? parts.join("-") : "";
  }
  return values[field.path] ?? "";
}

export function PrecheckFields({
  values,
  errors,
  relevant,
  today,
  countries,
  siteNames,
  onIndicationChange,
  showIndicationButton,
  rows,
}: Props) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const { label, hint } = useQuestionWords();

  function render(field: PrecheckField): ReactNode {
    const { path, kind } = field;
    const error = errors[path];
    const value = posted(values, field);
    const common = { name: path, error, hint: hint(path) };
    switch (kind.type) {
      case "select": {
        const isIndicationField = path === "diagnosis.indication";
        const options = kind.options.map((o) => ({
          value: o,
          label: isIndicationField ? t(indicationKey(o)) : t(`${kind.book}.${o}`),
        }));
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
                <button
                  type="submit"
                  name="intent"
                  value="indication"
                  formNoValidate
                  className="button button--secondary"
                >
                  {t("precheck:actions.showQuestions")}
                </button>
              </p>
            ) : null}
          </>
        );
      }
      case "country":
        return (
          <SelectField
            {...common}
            label={label(path)}
            options={countries}
            placeholder={t("precheck:options.notKnown")}
            defaultValue={value ?? ""}
          />
        );
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
      case "site": {
        const options = sitePreferences.map((o) => ({
          value: o,
          label: o === "none" ? t("precheck:options.sitePreference.none") : (siteNames[o]?.[lng] ?? o),
        }));
        return <RadioGroup {...common} legend={label(path)} inline defaultValue={value || "none"} options={options} />;
      }
      case "list":
        return (
          <ListField
            path={path}
            legend={label(path)}
            hint={hint(path)}
            error={error}
            rows={Math.max(rowCount(values ?? {}, path), rows?.[path] ?? 0)}
            max={kind.max}
            renderRow={(row) =>
              kind.item.map((item) => (
                <div key={item.key}>{render({ path: `${row}.${item.key}`, kind: item.kind })}</div>
              ))
            }
          />
        );
      case "radio": {
        const inRow = itemPathOf(path) !== undefined;
        const options = kind.options.map((o) => ({ value: o, label: t(`${kind.book}.${o}`) }));
        if (kind.unknownOption) options.push({ value: UNKNOWN, label: t("precheck:options.yesNoUnknown.unknown") });
        // A row's choice starts unanswered: a blank row must stay blank to be left out.
        const fallback = inRow ? undefined : kind.unknownOption || kind.options.includes(UNKNOWN) ? UNKNOWN : undefined;
        return (
          <RadioGroup
            {...common}
            legend={label(path)}
            inline={kind.options.length <= 4}
            defaultValue={value || fallback}
            options={options}
          />
        );
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
        return (
          <TextField
            {...common}
            label={label(path)}
            autoComplete="off"
            spellCheck={false}
            className="input--year"
            defaultValue={value ?? ""}
          />
        );
      case "date":
        return (
          <DateField {...common} legend={label(path)} defaultValue={value ?? (path === "referredOn" ? today : "")} />
        );
      default:
        return null;
    }
  }

  return (
    <>
      {precheckSections.map((section) => {
        const shown = section.fields.some((f) => relevant.has(f.path));
        return (
          <section
            key={section.id}
            className="precheck__section"
            aria-labelledby={`section-${section.id}`}
            hidden={!shown}
          >
            <h2 id={`section-${section.id}`}>{t(`precheck:sections.${section.id}.title`)}</h2>
            {i18n.exists(`precheck:sections.${section.id}.intro`) ? (
              <p className="hint">{t(`precheck:sections.${section.id}.intro`)}</p>
            ) : null}
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
