import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { indicationKey } from "~/i18n/screen-keys";
import { personName } from "~/i18n/person-name";

export type JointReviewLine = {
  id: string;
  referralId: string;
  referenceCode: string;
  /** Shown to the referral's own site only. */
  patient: { familyName: string; givenName: string } | null;
  ownedByReader: boolean;
  ownerSite: string;
  indication: string | null;
  question: string;
  proposedAt: string;
};

/**
 * The referrals under joint review for the reader's site: the owner opens its referral page, the other site the
 * joint review page.
 */
export function JointReviewsTable({ reviews }: { reviews: JointReviewLine[] }) {
  const { t } = useTranslation();
  return (
    <table className="queue-table" data-testid="joint-reviews">
      <thead>
        <tr>
          <th scope="col">{t("queue:columns.code")}</th>
          <th scope="col">{t("conferences:hub.owner")}</th>
          <th scope="col">{t("queue:columns.indication")}</th>
          <th scope="col">{t("conferences:hub.question")}</th>
          <th scope="col">{t("conferences:hub.proposed")}</th>
        </tr>
      </thead>
      <tbody>
        {reviews.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={r.ownedByReader ? `/queue/${r.referralId}#joint` : `/joint/${r.referralId}`}>
                {r.referenceCode}
              </Link>
              {r.patient ? (
                <span className="hint"> {personName(r.patient.familyName, r.patient.givenName)}</span>
              ) : null}
            </td>
            <td>{r.ownerSite}</td>
            <td>{r.indication ? t(indicationKey(r.indication)) : null}</td>
            <td className="pre-line">{r.question}</td>
            <td>{r.proposedAt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
