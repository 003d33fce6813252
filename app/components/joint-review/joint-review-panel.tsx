import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JointThread, type JointMessageView } from "./joint-thread";
import { RecommendationList, type RecommendationLine } from "./recommendation-list";

export type JointPanelData = {
  review: {
    open: boolean;
    partnerSite: string;
    question: string;
    proposedAt: string;
    closedAt: string | null;
    upcoming: { conferenceId: string; startsAt: string } | null;
    messages: JointMessageView[];
    recommendations: RecommendationLine[];
  } | null;
  partnerSite: string;
  refusal: string | null;
};

/**
 * The owning site's joint review section of its referral page: propose (or why not), the open review's question,
 * the conference it waits for, the joint thread and the recommendations; the partner's reading ends on closing.
 */
export function JointReviewPanel({
  referralId,
  data,
  messageError,
  messageValue,
}: {
  referralId: string;
  data: JointPanelData;
  messageError?: string;
  messageValue?: string;
}) {
  const { t } = useTranslation();
  const review = data.review;
  return (
    <section aria-labelledby="joint-heading" id="joint" data-testid="joint-panel">
      <h2 id="joint-heading">{t("conferences:panel.heading", { site: data.partnerSite })}</h2>
      {review?.open ? (
        <>
          <p data-testid="joint-state">
            {t("conferences:panel.open", { site: review.partnerSite, date: review.proposedAt })}
          </p>
          <p>
            <strong>{t("conferences:panel.question")}</strong> <span className="pre-line">{review.question}</span>
          </p>
          {review.upcoming ? (
            <p>
              {t("conferences:panel.onAgenda", { date: review.upcoming.startsAt })}{" "}
              <Link to={`/conferences/${review.upcoming.conferenceId}`}>{t("conferences:panel.openConference")}</Link>
            </p>
          ) : (
            <p>{t("conferences:panel.waiting")}</p>
          )}
        </>
      ) : (
        <>
          {review ? (
            <p data-testid="joint-state">{t("conferences:panel.closed", { date: review.closedAt ?? "" })}</p>
          ) : (
            <p>{t("conferences:panel.intro", { site: data.partnerSite })}</p>
          )}
          {data.refusal ? (
            <p className="notice" data-testid="joint-refusal">
              {t(`conferences:refusals.${data.refusal}`, { site: data.partnerSite })}
            </p>
          ) : null}
        </>
      )}
      <p>
        <Link to={`/queue/${referralId}/joint-review`} className="button button--secondary" data-action="joint-review">
          {review?.open ? t("conferences:panel.manage") : t("conferences:panel.propose")}
        </Link>
      </p>
      {review?.recommendations.length ? <RecommendationList items={review.recommendations} /> : null}
      {review ? (
        <JointThread messages={review.messages} open={review.open} error={messageError} value={messageValue} />
      ) : null}
    </section>
  );
}
