import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FactList } from "~/components/fact-list";
import { useDateTime } from "~/components/intake/history";

type Props = {
  id: string;
  code: string | null;
  status: string;
  /** The receiving site's name in the reader's language, or null before one is chosen. */
  site: string | null;
  indication: string | null;
  submittedAt: string | null;
  changedAt: string;
};

/** The referral's key facts (code, status, site, indication, dates) and the links to its printable pages. */
export function ReferralFacts({ id, code, status, site, indication, submittedAt, changedAt }: Props) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <>
      <FactList
        className="referral-facts"
        facts={[
          {
            label: t("intake:referral.code"),
            value: code,
            valueProps: { className: "referral-facts__code", "data-testid": "reference-code" },
          },
          {
            label: t("intake:referral.status"),
            value: t(`intake:statuses.${status}`),
            valueProps: { "data-testid": "referral-status", "data-status": status },
          },
          { label: t("intake:referral.site"), value: site ?? t("intake:list.notYet") },
          indication
            ? { label: t("screen:fields.diagnosis.indication"), value: t(`screen:indications.${indication}`) }
            : null,
          submittedAt
            ? {
                label: t("intake:referral.submittedAt"),
                value: <time dateTime={submittedAt}>{when(submittedAt)}</time>,
              }
            : null,
          { label: t("intake:referral.changedAt"), value: <time dateTime={changedAt}>{when(changedAt)}</time> },
        ]}
      />
      <p className="print-links">
        <Link to={`/referrals/${id}/summary`}>{t("intake:submitted.printSummary")}</Link>{" "}
        <Link to={`/referrals/${id}/handout`}>{t("intake:referral.handout")}</Link>
      </p>
    </>
  );
}
