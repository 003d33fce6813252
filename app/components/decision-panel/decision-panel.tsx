import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DecisionJson } from "~/domain/screen";
import { isLanguage } from "~/i18n/config";
import { CriteriaSection } from "./criteria";
import { CoverageSection, MissingSection, OutcomeSummary, RouteSection } from "./decision-sections";
import type { Words } from "./format";
import { Heading } from "./heading";

export { StatusTag } from "./criteria";

export type SiteNames = Partial<Record<string, { ko: string; ja: string; en: string }>>;

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
  const id = (part: string) => `${idPrefix}-${part}`;
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
      <OutcomeSummary decision={decision} />
      <RouteSection decision={decision} level={sub} id={id} siteName={siteName} />
      <CoverageSection decision={decision} level={sub} id={id} />
      <MissingSection decision={decision} level={sub} id={id} />
      <CriteriaSection criteria={decision.criteria} words={words} level={sub} id={id} />
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
