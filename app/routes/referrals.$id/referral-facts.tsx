import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
      <dl className="referral-facts">
        <div>
          <dt>{t("intake:referral.code")}</dt>
          <dd className="referral-facts__code" data-testid="reference-code">
            {code}
          </dd>
        </div>
        <div>
          <dt>{t("intake:referral.status")}</dt>
          <dd data-testid="referral-status" data-status={status}>
            {t(`intake:statuses.${status}`)}
          </dd>
        </div>
        <div>
          <dt>{t("intake:referral.site")}</dt>
          <dd>{site ?? t("intake:list.notYet")}</dd>
        </div>
        {indication ? (
          <div>
            <dt>{t("screen:fields.diagnosis.indication")}</dt>
            <dd>{t(`screen:indications.${indication}`)}</dd>
          </div>
        ) : null}
        {submittedAt ? (
          <div>
            <dt>{t("intake:referral.submittedAt")}</dt>
            <dd>
              <time dateTime={submittedAt}>{when(submittedAt)}</time>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("intake:referral.changedAt")}</dt>
          <dd>
            <time dateTime={changedAt}>{when(changedAt)}</time>
          </dd>
        </div>
      </dl>
      <p className="print-links">
        <Link to={`/referrals/${id}/summary`}>{t("intake:submitted.printSummary")}</Link>{" "}
        <Link to={`/referrals/${id}/handout`}>{t("intake:referral.handout")}</Link>
      </p>
    </>
  );
}
