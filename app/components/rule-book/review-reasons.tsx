import { useTranslation } from "react-i18next";
import type { ReviewCode } from "~/domain/eligibility/types";

// The clinical review's items in eligibility.md's order; their words are in locales/*/rules.json (review.items).
const principles: ReviewCode[] = ["P1", "P2"];
const changes: ReviewCode[] = ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8", "K9", "K10"];

/** The clinical reasons behind kq-2026-12: its two principles and K1–K10, each with what it fixes. */
export function ReviewReasons() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="review" data-testid="review-reasons">
      <h2 id="review">{t("rules:review.heading")}</h2>
      <p>{t("rules:review.intro")}</p>
      <h3 id="review-principles">{t("rules:review.principles")}</h3>
      <dl className="rule-review">
        {principles.map((code) => (
          <div key={code} id={`review-${code}`}>
            <dt>{`${code} ${t(`rules:review.items.${code}.title`)}`}</dt>
            <dd>{t(`rules:review.items.${code}.change`)}</dd>
          </div>
        ))}
      </dl>
      <h3 id="review-changes">{t("rules:review.changes")}</h3>
      <dl className="rule-review">
        {changes.map((code) => (
          <div key={code} id={`review-${code}`} data-review={code}>
            <dt>{`${code} ${t(`rules:review.items.${code}.title`)}`}</dt>
            <dd>
              <p>{t(`rules:review.items.${code}.change`)}</p>
              <p>{t("rules:review.fixes", { fixes: t(`rules:review.items.${code}.fixes`) })}</p>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
