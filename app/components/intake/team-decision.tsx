import { useTranslation } from "react-i18next";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { isLanguage } from "~/i18n/config";
import type { TeamDecision } from "~/modules/intake/team-decision";
import { useDateTime } from "./history";

const symbol: Record<TeamDecision["action"], string> = { accept: "✓", decline: "✕", redirect: "→" };

/**
 * The receiving team's decision, first on the physician's page: the outcome, the reason, the team's advice and
 * alternatives, and what happens next. The screen's view follows it, marked as decision support.
 */
export function TeamDecisionPanel({ decision, siteNames }: { decision: TeamDecision; siteNames: SiteNames }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const when = useDateTime();
  const name = (code: string | null) =>
    code ? (siteNames[code]?.[lng] ?? code) : t("intake:teamDecision.unknownSite");
  const reasonKey = decision.reasonCode
    ? `queue:${decision.action === "decline" ? "declineReasons" : "redirectReasons"}.${decision.reasonCode}`
    : null;
  return (
    <section
      className="team-decision"
      aria-labelledby="team-decision-title"
      data-testid="team-decision"
      data-action={decision.action}
    >
      <h2 id="team-decision-title">{t("intake:teamDecision.title")}</h2>
      <div className={`team-decision__outcome team-decision__outcome--${decision.action}`}>
        <p className="team-decision__label" data-testid="team-decision-outcome">
          <span aria-hidden="true">{symbol[decision.action]} </span>
          {t(`intake:teamDecision.outcome.${decision.action}`, {
            site: name(decision.site),
            to: name(decision.toSite),
          })}
        </p>
        <p>
          <time dateTime={decision.at}>{t("intake:teamDecision.decidedOn", { when: when(decision.at) })}</time>
        </p>
      </div>
      {reasonKey ? (
        <>
          <h3>{t("intake:teamDecision.reason")}</h3>
          <p data-testid="team-decision-reason">{i18n.exists(reasonKey) ? t(reasonKey) : decision.reasonCode}</p>
        </>
      ) : null}
      <h3>{t("intake:teamDecision.advice")}</h3>
      {decision.note ? (
        <blockquote className="history__note" data-testid="team-decision-advice">
          {decision.note}
        </blockquote>
      ) : (
        <p>{t("intake:teamDecision.noAdvice")}</p>
      )}
      <p>{t(`intake:teamDecision.next.${decision.action}`, { to: name(decision.toSite) })}</p>
      <p className="hint">{t("intake:teamDecision.final")}</p>
    </section>
  );
}
