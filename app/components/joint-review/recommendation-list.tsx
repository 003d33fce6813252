import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type RecommendationLine = {
  id: string;
  conferenceId: string;
  conferenceOn: string;
  recommendation: string;
  rationale: string;
  final: boolean;
};

/** The joint conferences' recommendations for one referral, newest first, each linked to its conference. */
export function RecommendationList({
  items,
  heading = "conferences:recommendation.heading",
  links = true,
}: {
  items: RecommendationLine[];
  heading?: string;
  links?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="joint-recommendations">
      <h3>{t(heading)}</h3>
      <ul className="thread">
        {items.map((r) => (
          <li key={r.id}>
            <p className="meta">
              {t("conferences:cite.when", { date: r.conferenceOn })} ·{" "}
              {r.final ? t("conferences:recommendation.final") : t("conferences:recommendation.provisional")}{" "}
              {links ? (
                <Link to={`/conferences/${r.conferenceId}#item-${r.id}`}>{t("conferences:cite.open")}</Link>
              ) : null}
            </p>
            <RecommendationText recommendation={r.recommendation} rationale={r.rationale} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A recommendation in words, then the conference's rationale as written. */
export function RecommendationText({
  recommendation,
  rationale,
}: {
  recommendation: string;
  rationale: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <strong data-recommendation={recommendation}>{t(`conferences:recommendations.${recommendation}`)}</strong>
      </p>
      <p className="pre-line">{rationale}</p>
    </>
  );
}
