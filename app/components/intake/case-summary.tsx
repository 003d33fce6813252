import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { caseInWords } from "~/i18n/case-words";
import { CaseRowValue } from "~/components/case-view/case-row-value";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { isLanguage } from "~/i18n/config";
import { useReaderTimeZone } from "~/components/use-root-data";
import type { FormSection } from "~/modules/intake/intake-form";

type Props = {
  caseData: Record<string, unknown>;
  siteNames: SiteNames;
  /** Country names in the page language, named on the server (hydration-safe). */
  countryNames: Record<string, string>;
  /** The date that decides which questions apply: the referral date, or today (Korea/Japan) for a draft. */
  today: string;
  /** Where "Change" goes for a field; no change links when absent (a printed summary, a sent referral). */
  changeHref?: (section: FormSection, path: string) => string;
  /** Section headings' level. */
  headingLevel?: 2 | 3;
};

/**
 * The case's answers, group by group, as a GOV.UK summary list with "Change" links while it is a draft. The words
 * are the staff page's too (caseInWords): one rendering of a case for everyone who reads it.
 */
export function CaseSummary({ caseData, siteNames, countryNames, today, changeHref, headingLevel = 2 }: Props) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const Heading = `h${headingLevel}` as "h2";
  const timeZone = useReaderTimeZone();
  const sections = caseInWords(caseData, {
    t,
    lng,
    siteNames,
    timeZone,
    today,
    countryName: (code) => countryNames[code] ?? code,
  });
  return (
    <>
      {sections.map((section) => (
        <section
          key={section.id}
          aria-labelledby={`summary-${section.id}`}
          className="summary-section"
          data-section={section.id}
        >
          <Heading id={`summary-${section.id}`}>{section.heading}</Heading>
          <dl className="summary-list">
            {section.rows.map((row) => (
              <div className="summary-list__row" key={row.path} data-path={row.path}>
                <dt>{row.label}</dt>
                <dd lang={row.path === "patient.nameReading" ? "ja" : undefined} className="summary-list__value">
                  <CaseRowValue row={row} listClassName="summary-list__rows" />
                </dd>
                {changeHref && row.form ? (
                  <dd className="summary-list__action">
                    <Link to={changeHref(row.form, row.path)}>
                      {t("intake:review.change")}
                      <span className="visually-hidden"> {row.label}</span>
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
