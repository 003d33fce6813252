import { useTranslation } from "react-i18next";
import { DecisionPanel, type SiteNames } from "~/components/decision-panel/decision-panel";
import type { DecisionJson } from "~/domain/screen";

type Props = {
  decision: DecisionJson | null;
  hydrated: boolean;
  /** The form has errors: the placeholder says so instead of asking for answers. */
  invalid: boolean;
  siteNames: SiteNames;
  busy: boolean;
};

/** The pre-check's answer: the outcome bar on narrow screens, the announcement, and the decision or a placeholder. */
export function PrecheckResult({ decision, hydrated, invalid, siteNames, busy }: Props) {
  const { t } = useTranslation();
  const outcomeLabel = decision ? t(`screen:outcomes.${decision.outcome}.label`) : "";
  return (
    <>
      {hydrated && decision ? (
        // On a narrow screen the result sits below a long form: this bar keeps the outcome in sight while typing.
        <div className="precheck__bar">
          <span className={`precheck__bar-outcome precheck__bar-outcome--${decision.outcome}`}>
            {t("precheck:result.atTop", { outcome: outcomeLabel })}
          </span>{" "}
          <a href="#decision">{t("precheck:result.jump")}</a>
        </div>
      ) : null}

      <div className="precheck__result" id="result">
        {/* Announces a new outcome once; "updating" is conveyed by aria-busy on the panel, not read aloud per keystroke. */}
        <p role="status" className="visually-hidden">
          {decision ? t("precheck:result.updated", { outcome: outcomeLabel }) : ""}
        </p>
        {decision ? (
          <DecisionPanel decision={decision} siteNames={siteNames} busy={busy} />
        ) : (
          <section className="precheck__placeholder" aria-labelledby="decision-placeholder">
            <h2 id="decision-placeholder">{t("screen:labels.outcome")}</h2>
            <p>{invalid ? t("precheck:result.invalid") : t("precheck:result.empty")}</p>
          </section>
        )}
      </div>
    </>
  );
}
