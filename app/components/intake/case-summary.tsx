import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/components/decision-panel/format";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { isIsoDate } from "~/domain/case/dates";
import { isLanguage, languageAutonyms } from "~/i18n/config";
import { getPath, isAsked, sectionFields, type FormSection, type IntakeField } from "~/modules/intake/intake-form";

type Props = {
  caseData: Record<string, unknown>;
  sections: readonly FormSection[];
  siteNames: SiteNames;
  /** Country names in the page language, named on the server (hydration-safe). */
  countryNames: Record<string, string>;
  /** Where "Change" goes for a field; no change links when absent (a printed summary, a sent referral). */
  changeHref?: (section: FormSection, path: string) => string;
  /** Section headings' level. */
  headingLevel?: 2 | 3;
};

/** One answer in words, as the physician typed or chose it. */
export function useAnswerText(siteNames: SiteNames, countryNames: Record<string, string>) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  return (field: IntakeField, value: unknown): string => {
    if (value === undefined || value === null || value === "") return t("intake:review.notGiven");
    const { kind } = field;
    switch (kind.type) {
      case "consent":
        return t(value === true ? "intake:review.consentGiven" : "intake:review.consentNotGiven");
      case "yesNoUnknown":
        return value === true ? t("precheck:options.yesNoUnknown.yes") : value === false ? t("precheck:options.yesNoUnknown.no") : String(value);
      case "date":
        return isIsoDate(value) ? formatDate(value, lng) : String(value);
      case "select":
        return kind.book === "screen:indications" ? t(`screen:indications.${String(value)}`) : t(`${kind.book}.${String(value)}`);
      case "radio":
        return t(`${kind.book}.${String(value)}`);
      case "country":
        return countryNames[String(value)] ?? String(value);
      case "language":
        return isLanguage(value) ? languageAutonyms[value] : String(value);
      case "site":
        return value === "none" ? t("precheck:options.sitePreference.none") : (siteNames[String(value)]?.[lng] ?? String(value));
      case "number":
        return kind.unit ? t(`intake:units.${kind.unit}`, { value: String(value) }) : String(value);
      default:
        return String(value);
    }
  };
}

/** The case's answers, section by section, as a GOV.UK summary list with "Change" links while it is a draft. */
export function CaseSummary({ caseData, sections, siteNames, countryNames, changeHref, headingLevel = 2 }: Props) {
  const { t } = useTranslation();
  const text = useAnswerText(siteNames, countryNames);
  const Heading = `h${headingLevel}` as "h2";
  const indication = getPath(caseData, "diagnosis.indication");
  return (
    <>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`summary-${section}`} className="summary-section" data-section={section}>
          <Heading id={`summary-${section}`}>{t(`intake:sections.${section}.title`)}</Heading>
          <dl className="summary-list">
            {sectionFields[section]
              .filter((field) => isAsked(field.path, indication))
              .map((field) => (
                <div className="summary-list__row" key={field.path} data-path={field.path}>
                  <dt>{t(`screen:fields.${field.path}`)}</dt>
                  <dd lang={field.kind.type === "text" && field.kind.variant === "reading" ? "ja" : undefined}>{text(field, getPath(caseData, field.path))}</dd>
                  {changeHref ? (
                    <dd className="summary-list__action">
                      <Link to={changeHref(section, field.path)}>
                        {t("intake:review.change")}
                        <span className="visually-hidden"> {t(`screen:fields.${field.path}`)}</span>
                      </Link>
                    </dd>
                  ) : null}
                </div>
              ))}
          </dl>
        </section>
      ))}
    </>
  );
}
