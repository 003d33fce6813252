import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import { useDateTime } from "~/components/intake/history";
import { RecommendationList } from "~/components/joint-review/recommendation-list";

type PanelProps = ComponentProps<typeof DecisionPanel>;

/**
 * The screen's result. Once the team has decided, the screen is shown below its decision and says what it is;
 * before that it stands alone.
 */
export function ScreenResult({
  decision,
  siteNames,
  teamDecided,
}: {
  decision: PanelProps["decision"] | null;
  siteNames: PanelProps["siteNames"];
  teamDecided: boolean;
}) {
  const { t } = useTranslation();
  if (!decision) return null;
  if (!teamDecided) return <DecisionPanel decision={decision} siteNames={siteNames} />;
  return (
    <section className="screen-view" aria-labelledby="screen-view-title" data-testid="screen-view">
      <h2 id="screen-view-title">{t("intake:teamDecision.screenTitle")}</h2>
      <p>{t("intake:teamDecision.screenIntro")}</p>
      <DecisionPanel decision={decision} siteNames={siteNames} headingLevel={3} />
    </section>
  );
}

/** Every screen the referral went through, listed only when there was more than one. */
export function ScreenHistory({ screens }: { screens: { at: string; outcome: string; rulesetVersion: string }[] }) {
  const { t } = useTranslation();
  const when = useDateTime();
  if (screens.length <= 1) return null;
  return (
    <section aria-labelledby="screens-title">
      <h2 id="screens-title">{t("intake:referral.screensTitle")}</h2>
      <ol>
        {screens.map((s) => (
          <li key={s.at}>
            {t("intake:referral.screenLine", {
              when: when(s.at),
              outcome: t(`screen:outcomes.${s.outcome}.label`),
              version: s.rulesetVersion,
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The joint conferences' final recommendations, shown once there is one. */
export function JointRecommendations({ items }: { items: ComponentProps<typeof RecommendationList>["items"] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <section aria-labelledby="joint-title" data-testid="physician-joint">
      <h2 id="joint-title">{t("conferences:physician.heading")}</h2>
      <p>{t("conferences:physician.lead")}</p>
      <RecommendationList items={items} heading="conferences:recommendation.heading" links={false} />
    </section>
  );
}
