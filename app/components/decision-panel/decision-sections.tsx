import { useTranslation } from "react-i18next";
import type { DecisionJson } from "~/domain/screen";
import { FundingSection } from "./funding-section";
import { Heading } from "./heading";
import { fieldKey } from "~/i18n/screen-keys";

type SectionProps = { decision: DecisionJson; level: number; id: (part: string) => string };

/** The outcome with its symbol and the referrer's sentence, and how many criteria are not met, flagged or missing. */
export function OutcomeSummary({ decision }: { decision: DecisionJson }) {
  const { t } = useTranslation();
  const counts = {
    notMet: decision.criteria.filter((c) => c.status === "not_met").length,
    flags: decision.criteria.filter((c) => c.status === "flag").length,
    missing: decision.missing.length,
  };
  return (
    <div className={`decision__outcome decision__outcome--${decision.outcome}`}>
      <p className="decision__outcome-label" data-testid="decision-outcome">
        <span aria-hidden="true" className="decision__outcome-symbol">
          {decision.outcome === "likely_eligible" ? "✓" : decision.outcome === "not_eligible" ? "✕" : "!"}
        </span>{" "}
        {t(`screen:outcomes.${decision.outcome}.label`)}
      </p>
      <p className="decision__outcome-summary">{t(`screen:outcomes.${decision.outcome}.summary`)}</p>
      {counts.notMet + counts.flags + counts.missing > 0 ? (
        <ul className="decision__counts">
          {counts.notMet ? <li>{t("screen:summary.notMet", { count: counts.notMet })}</li> : null}
          {counts.flags ? <li>{t("screen:summary.flags", { count: counts.flags })}</li> : null}
          {counts.missing ? <li>{t("screen:summary.missing", { count: counts.missing })}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

/** The site the case is routed to (named in the page's language), why, and the other sites that could take it. */
export function RouteSection({ decision, level, id, siteName }: SectionProps & { siteName: (code: string) => string }) {
  const { t } = useTranslation();
  const { route } = decision;
  return (
    <>
      <Heading level={level} id={id("route")}>
        {t("screen:labels.route")}
      </Heading>
      <p className="decision__site" data-testid="decision-site" data-site={route.site ?? ""}>
        {route.site ? siteName(route.site) : t("screen:labels.noSite")}
      </p>
      {route.reasons.length ? (
        <>
          <p className="decision__label">{t("screen:labels.routeReasons")}</p>
          <ul className="decision__reasons">
            {route.reasons.map((reason) => (
              <li key={reason} data-reason={reason}>
                {t(`screen:reasons.${reason}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {route.alternatives.length ? (
        <>
          <p className="decision__label">{t("screen:labels.alternatives")}</p>
          <ul className="decision__reasons" data-testid="decision-alternatives">
            {route.alternatives.map((code) => (
              <li key={code}>{siteName(code)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Who pays: the coverage tier and what it means, and the patient's own funding when the screen knows it. */
export function CoverageSection({ decision, level, id }: SectionProps) {
  const { t } = useTranslation();
  const showFees = decision.coverage === "jp_insurance" || decision.coverage === "jp_advanced_care";
  return (
    <>
      <Heading level={level} id={id("coverage")}>
        {t("screen:labels.coverage")}
      </Heading>
      <p className="decision__coverage" data-coverage={decision.coverage}>
        <strong>{t(`screen:coverage.${decision.coverage}.label`)}</strong>
      </p>
      <p>{t(`screen:coverage.${decision.coverage}.detail`)}</p>
      {showFees && !decision.funding ? <p className="hint">{t("screen:coverage.foreignPatients")}</p> : null}
      {decision.funding ? (
        <FundingSection funding={decision.funding} headingLevel={level + 1} id={id("funding")} />
      ) : null}
    </>
  );
}

/** The fields the screen still needs, by their labels (the path itself when a field has none). */
export function MissingSection({ decision, level, id }: SectionProps) {
  const { t, i18n } = useTranslation();
  if (!decision.missing.length) return null;
  return (
    <>
      <Heading level={level} id={id("missing")}>
        {t("screen:labels.missing")}
      </Heading>
      <ul className="decision__missing">
        {decision.missing.map((path) => (
          <li key={path} data-path={path}>
            {i18n.exists(fieldKey(path)) ? t(fieldKey(path)) : path}
          </li>
        ))}
      </ul>
    </>
  );
}
