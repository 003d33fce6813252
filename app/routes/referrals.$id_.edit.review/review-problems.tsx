import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { fieldId } from "~/components/forms/error-summary";
import { fieldLabel } from "~/components/intake/intake-field";
import { itemPathOf } from "~/domain/case/field-catalogue";
import type { FormSection } from "~/modules/intake/intake-form";

export type Problem = { section: FormSection | "documents"; path: string; message: string };

/** Where a problem is put right: its field on its section's page, or the documents page. */
function useProblemLinks(referralId: string) {
  const { t, i18n } = useTranslation();
  const label = (path: string) =>
    i18n.exists(`screen:fields.${path}`) || itemPathOf(path) ? fieldLabel(t, path) : t("screen:fields.attachments");
  const href = (section: string, path: string) =>
    section === "documents"
      ? `/referrals/${referralId}/edit/documents`
      : `/referrals/${referralId}/edit/${section}#${fieldId(path)}`;
  return { label, href };
}

/** The GOV.UK-style summary of what stopped the submission; it takes the focus when it appears. */
export function SubmitProblems({ referralId, problems }: { referralId: string; problems: Problem[] }) {
  const { t } = useTranslation();
  const { label, href } = useProblemLinks(referralId);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) summaryRef.current?.focus();
  }, [problems.length, problems]);
  if (!problems.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="review-problems-title" tabIndex={-1} ref={summaryRef}>
      <h2 id="review-problems-title">{t("forms.errorSummaryTitle")}</h2>
      <ul>
        {problems.map((p) => (
          <li key={p.path}>
            <a href={href(p.section, p.path)}>
              {t("intake:review.problemInSection", {
                section: t(`intake:sections.${p.section}.title`),
                field: label(p.path),
                message: p.message,
              })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What is still missing before the referral can be sent, shown before any attempt to send it. */
export function IncompleteBanner({ referralId, incomplete }: { referralId: string; incomplete: Problem[] }) {
  const { t } = useTranslation();
  const { label, href } = useProblemLinks(referralId);
  return (
    <div className="banner banner--warning" data-testid="review-incomplete">
      <h2>{t("intake:review.incompleteTitle", { count: incomplete.length })}</h2>
      <ul>
        {incomplete.map((p) => (
          <li key={p.path}>
            <Link to={href(p.section, p.path)}>
              {t("intake:review.problem", { field: label(p.path), message: p.message })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
