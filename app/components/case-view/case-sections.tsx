import { useTranslation } from "react-i18next";
import type { CaseSection } from "~/i18n/case-words";
import { CaseRowValue } from "./case-row-value";

/** The case in words, section by section, as staff read it (the owning site's page and the partner's page). */
export function CaseSections({ sections }: { sections: CaseSection[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-heading">
      <h2 id="case-heading">{t("queue:case.heading")}</h2>
      {sections.map((section) => (
        <div key={section.id}>
          <h3 id={`case-${section.id}`}>{section.heading}</h3>
          <dl className="case-list" aria-labelledby={`case-${section.id}`}>
            {section.rows.map((row) => (
              <div key={row.path} data-path={row.path}>
                <dt>{row.label}</dt>
                <dd className={row.known ? undefined : "unknown"}>
                  <CaseRowValue row={row} listClassName="case-list__rows" />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}
