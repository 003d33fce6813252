import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatCalendarDate } from "~/i18n/format";
import { useRootData } from "./use-root-data";

/**
 * "The rules may be out of date" (eligibility.md K10): on administrators' pages while the newest rule set is past its
 * review date, until a reviewed set is published. The root loader decides; this only shows it.
 */
export function RulesReviewBanner() {
  const { t, i18n } = useTranslation();
  const notice = useRootData()?.rulesReview;
  const { pathname } = useLocation();
  if (!notice || !pathname.startsWith("/admin")) return null;
  return (
    // A standing notice, not news: a labelled region (as GOV.UK's notification banner), never a live status that
    // would compete with the page's own confirmations.
    <section className="banner banner--warning" aria-labelledby="rules-review-title" data-testid="rules-review-banner">
      <p>
        <strong id="rules-review-title">{t("rules:banner.title")}</strong>{" "}
        {t("rules:banner.text", {
          version: notice.version,
          date: formatCalendarDate(notice.reviewDueOn, i18n.language),
        })}
      </p>
      <p>
        <Link to={`/rules/${notice.version}`}>{t("rules:banner.link")}</Link> ·{" "}
        <Link to="/admin/rules">{t("rules:banner.adminLink")}</Link>
      </p>
    </section>
  );
}
