import { useTranslation } from "react-i18next";
import { DecisionPanel, type SiteNames } from "~/components/decision-panel/decision-panel";
import { fieldKey } from "~/i18n/screen-keys";
import type { DecisionJson } from "~/domain/screen";

const symbol = { likely_eligible: "✓", needs_review: "!", not_eligible: "✕" } as const;

/**
 * The screen's answer for the referral as it stands, shown while it is being written: the outcome, what is still
 * missing, and the full explained decision on demand. Information only: it never blocks saving or submitting.
 */
export function PrecheckBanner({
  decision,
  siteNames,
  busy,
}: {
  decision: DecisionJson | null;
  siteNames: SiteNames;
  busy?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <aside
      className="live-precheck"
      aria-labelledby="live-precheck-title"
      aria-busy={busy ? true : undefined}
      data-testid="live-precheck"
    >
      <h2 id="live-precheck-title">{t("intake:precheck.title")}</h2>
      {decision ? (
        <>
          <p
            className={`live-precheck__outcome live-precheck__outcome--${decision.outcome}`}
            data-outcome={decision.outcome}
            aria-live="polite"
          >
            <span aria-hidden="true">{symbol[decision.outcome]}</span> {t(`screen:outcomes.${decision.outcome}.label`)}
          </p>
          {decision.missing.length ? (
            <>
              <p className="live-precheck__label">{t("intake:precheck.missing", { count: decision.missing.length })}</p>
              <ul className="live-precheck__missing">
                {decision.missing.slice(0, 8).map((path) => (
                  <li key={path} data-path={path}>
                    {i18n.exists(fieldKey(path)) ? t(fieldKey(path)) : path}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("intake:precheck.nothingMissing")}</p>
          )}
          <details className="live-precheck__details">
            <summary>{t("intake:precheck.details")}</summary>
            <DecisionPanel decision={decision} siteNames={siteNames} headingLevel={3} idPrefix="live-decision" />
          </details>
          <p className="hint">{t("intake:precheck.neverBlocks")}</p>
        </>
      ) : (
        <p>{t("intake:precheck.chooseIndication")}</p>
      )}
    </aside>
  );
}
