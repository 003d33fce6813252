import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DecisionJson } from "~/domain/screen";
import { isLanguage } from "~/i18n/config";
import { resolveKey } from "~/domain/eligibility/resolve-key";
import { FundingSection } from "./funding-section";
import { formatExpected, formatValue, type Words } from "./format";
import { fieldKey } from "./labels";

export type SiteNames = Partial<Record<string, { ko: string; ja: string; en: string }>>;

type Criterion = DecisionJson["criteria"][number];
type Status = Criterion["status"];

type Props = {
  decision: DecisionJson;
  /** Each site's names in ko/ja/en (from the sites table): the route is named in the page's language. */
  siteNames: SiteNames;
  /** The level of the panel's own heading (its sections use the next levels). */
  headingLevel?: 2 | 3;
  /** Prefix for element ids, when a page shows more than one decision. */
  idPrefix?: string;
  /** A newer result is on its way (the pre-check recomputing): shown to assistive technology as busy. */
  busy?: boolean;
};

// NOTE: eligibility.md — not met, flags and unknowns are what the referrer must act on, so they come first.
const groupOrder: Status[] = ["not_met", "flag", "unknown"];
// A symbol beside each status word: the meaning never rests on colour alone (WCAG 1.4.1).
const statusSymbol: Record<Status, string> = { met: "✓", not_met: "✕", flag: "!", unknown: "?", not_applicable: "–" };

function Heading({
  level,
  id,
  children,
  className,
}: {
  level: number;
  id?: string;
  children: ReactNode;
  className?: string;
}) {
  const Tag = `h${Math.min(level, 6)}` as "h2";
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`tag tag--${status}`}>
      <span aria-hidden="true" className="tag__symbol">
        {statusSymbol[status]}
      </span>{" "}
      {t(`screen:statuses.${status}`)}
    </span>
  );
}

function CriterionItem({ criterion, words }: { criterion: Criterion; words: Words }) {
  const { t } = words;
  const hasValue = criterion.value !== undefined;
  return (
    <li
      className={`criterion criterion--${criterion.status}`}
      data-criterion={criterion.id}
      data-status={criterion.status}
    >
      <p className="criterion__head">
        <strong className="criterion__name">{t(`screen:criteria.${criterion.id}.name`)}</strong>{" "}
        <StatusTag status={criterion.status} />
      </p>
      <dl className="criterion__facts">
        <div>
          <dt>{t("screen:labels.value")}</dt>
          <dd>
            {hasValue
              ? formatValue(words, criterion.id, criterion.value, criterion.expected)
              : t("precheck:panel.notGiven")}
          </dd>
        </div>
        {criterion.expected !== undefined ? (
          <div>
            <dt>{t("screen:labels.expected")}</dt>
            <dd>{formatExpected(words, criterion.id, criterion.expected)}</dd>
          </div>
        ) : null}
      </dl>
      {criterion.details ? (
        <ul className="criterion__details">
          {Object.entries(criterion.details).map(([key, value]) => (
            <li key={key}>{t(`screen:details.${key}`, { value })}</li>
          ))}
        </ul>
      ) : null}
      {criterion.status === "not_applicable" ? (
        <p className="criterion__resolve">
          {t(criterion.resolve ? `screen:resolve.${criterion.resolve}` : "screen:notApplicableLabel")}
        </p>
      ) : criterion.status !== "met" ? (
        <p className="criterion__resolve">
          <span className="criterion__resolve-label">{t("screen:labels.whatWouldChange")}</span>{" "}
          {t(resolveKey(criterion.id, criterion.status === "flag" ? criterion.resolve : undefined))}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The screen's decision, for the pre-check now and later for intake, the referral page and the queue: the outcome
 * with the referrer's sentence, the route and why, the funding, what is missing and what would change the answer,
 * every criterion with its status in words, the rule-set version, and the standing note that the receiving team
 * decides. Presentation only: it gets the decision JSON and the site names, and imports nothing from the server.
 */
export function DecisionPanel({ decision, siteNames, headingLevel = 2, idPrefix = "decision", busy }: Props) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const words: Words = { t, exists: (key) => i18n.exists(key), lng };
  const siteName = (code: string) => siteNames[code]?.[lng] ?? code;
  const sub = headingLevel + 1;
  const byStatus = (status: Status) => decision.criteria.filter((c) => c.status === status);
  const met = byStatus("met");
  const notApplicable = byStatus("not_applicable");
  const counts = {
    notMet: byStatus("not_met").length,
    flags: byStatus("flag").length,
    missing: decision.missing.length,
  };
  const id = (part: string) => `${idPrefix}-${part}`;
  const showFees = decision.coverage === "jp_insurance" || decision.coverage === "jp_advanced_care";

  return (
    <section
      className="decision"
      aria-labelledby={id("heading")}
      aria-busy={busy ? true : undefined}
      id={idPrefix}
      data-outcome={decision.outcome}
    >
      <Heading level={headingLevel} id={id("heading")}>
        {t("screen:labels.outcome")}
      </Heading>

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

      <Heading level={sub} id={id("route")}>
        {t("screen:labels.route")}
      </Heading>
      <p className="decision__site" data-testid="decision-site" data-site={decision.route.site ?? ""}>
        {decision.route.site ? siteName(decision.route.site) : t("screen:labels.noSite")}
      </p>
      {decision.route.reasons.length ? (
        <>
          <p className="decision__label">{t("screen:labels.routeReasons")}</p>
          <ul className="decision__reasons">
            {decision.route.reasons.map((reason) => (
              <li key={reason} data-reason={reason}>
                {t(`screen:reasons.${reason}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.route.alternatives.length ? (
        <>
          <p className="decision__label">{t("screen:labels.alternatives")}</p>
          <ul className="decision__reasons" data-testid="decision-alternatives">
            {decision.route.alternatives.map((code) => (
              <li key={code}>{siteName(code)}</li>
            ))}
          </ul>
        </>
      ) : null}

      <Heading level={sub} id={id("coverage")}>
        {t("screen:labels.coverage")}
      </Heading>
      <p className="decision__coverage" data-coverage={decision.coverage}>
        <strong>{t(`screen:coverage.${decision.coverage}.label`)}</strong>
      </p>
      <p>{t(`screen:coverage.${decision.coverage}.detail`)}</p>
      {showFees && !decision.funding ? <p className="hint">{t("screen:coverage.foreignPatients")}</p> : null}
      {decision.funding ? (
        <FundingSection funding={decision.funding} headingLevel={sub + 1} id={id("funding")} />
      ) : null}

      {decision.missing.length ? (
        <>
          <Heading level={sub} id={id("missing")}>
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
      ) : null}

      <Heading level={sub} id={id("criteria")}>
        {t("screen:labels.criteria")}
      </Heading>
      {groupOrder.map((status) => {
        const list = byStatus(status);
        if (!list.length) return null;
        return (
          <div className="criteria-group" key={status}>
            <Heading level={sub + 1} id={id(`group-${status}`)}>
              <StatusTag status={status} />{" "}
              <span className="criteria-group__count">{t("precheck:panel.count", { count: list.length })}</span>
            </Heading>
            <ul className="criteria" aria-labelledby={id(`group-${status}`)}>
              {list.map((criterion) => (
                <CriterionItem key={criterion.id} criterion={criterion} words={words} />
              ))}
            </ul>
          </div>
        );
      })}
      {met.length ? (
        <details className="criteria-group criteria-group--met">
          <summary>{t("precheck:panel.metSummary", { count: met.length })}</summary>
          <ul className="criteria">
            {met.map((criterion) => (
              <CriterionItem key={criterion.id} criterion={criterion} words={words} />
            ))}
          </ul>
        </details>
      ) : null}

      {notApplicable.length ? (
        <details className="criteria-group criteria-group--not-applicable">
          <summary>{t("precheck:panel.notApplicableSummary", { count: notApplicable.length })}</summary>
          <ul className="criteria">
            {notApplicable.map((criterion) => (
              <CriterionItem key={criterion.id} criterion={criterion} words={words} />
            ))}
          </ul>
        </details>
      ) : null}

      <div className="decision__note">
        <p>
          <strong>{t("screen:note.finalDecision")}</strong> {t("screen:note.decisionSupport")}
        </p>
        <p className="decision__ruleset" data-ruleset={decision.rulesetVersion}>
          {/* The rule book shows exactly the set that made this decision, so the screen can be checked against it. */}
          <Link to={`/rules/${decision.rulesetVersion}`}>
            {t("screen:labels.rulesetVersion", { version: decision.rulesetVersion })}
          </Link>
        </p>
      </div>
    </section>
  );
}
