import { useTranslation } from "react-i18next";
import { DataTable, type DataColumn } from "~/components/data-table/data-table";
import { indicationKey } from "~/i18n/screen-keys";
import { JointReviewLink } from "~/components/joint-review/joint-review-link";
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
export function JointReviewsTable({ reviews, labelledBy }: { reviews: JointReviewLine[]; labelledBy: string }) {
  const { t } = useTranslation();
  const columns: DataColumn<JointReviewLine>[] = [
    {
      key: "code",
      header: t("queue:columns.code"),
      cell: (r) => (
        <>
          <JointReviewLink review={r} />
          {r.patient ? <span className="hint"> {personName(r.patient.familyName, r.patient.givenName)}</span> : null}
        </>
      ),
    },
    { key: "owner", header: t("conferences:hub.owner"), cell: (r) => r.ownerSite },
    {
      key: "indication",
      header: t("queue:columns.indication"),
      cell: (r) => (r.indication ? t(indicationKey(r.indication)) : null),
    },
    {
      key: "question",
      header: t("conferences:hub.question"),
      cell: (r) => r.question,
      cellProps: { className: "pre-line" },
    },
    { key: "proposed", header: t("conferences:hub.proposed"), cell: (r) => r.proposedAt },
  ];
  return (
    <DataTable
      labelledBy={labelledBy}
      className="queue-table"
      data-testid="joint-reviews"
      columns={columns}
      rows={reviews}
      rowKey={(r) => r.id}
    />
  );
}
