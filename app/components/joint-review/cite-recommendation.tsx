import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RecommendationLine } from "./recommendation-list";

/**
 * The joint conference's recommendation above a triage step, with a box (ticked) saying the step follows it: the
 * step's history line then names and links the recommendation for both sites.
 */
export function CiteRecommendation({ recommendation, cited }: { recommendation: RecommendationLine; cited: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="joint-cite" aria-labelledby="joint-cite-heading" data-testid="joint-cite">
      <h2 id="joint-cite-heading">{t("conferences:cite.heading")}</h2>
      <p>
        <strong>{t(`conferences:recommendations.${recommendation.recommendation}`)}</strong>{" "}
        {t("conferences:cite.when", { date: recommendation.conferenceOn })}{" "}
        <Link to={`/conferences/${recommendation.conferenceId}#item-${recommendation.id}`}>
          {t("conferences:cite.open")}
        </Link>
      </p>
      <p className="pre-line">{recommendation.rationale}</p>
      <div className="choice">
        <input
          type="checkbox"
          id="field-citesRecommendation"
          name="citesRecommendation"
          value={recommendation.id}
          defaultChecked={cited}
        />
        <label htmlFor="field-citesRecommendation">{t("conferences:cite.label")}</label>
      </div>
    </section>
  );
}
