import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataColumn } from "~/components/data-table/data-table";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { useDateTime } from "~/components/intake/history";
import { isLanguage } from "~/i18n/config";
import { personName } from "~/i18n/person-name";

export type ReferralRow = {
  id: string;
  code: string | null;
  status: string;
  site: string | null;
  family: string | null;
  given: string | null;
  indication: string | null;
  urgency: string;
  changedAt: string;
  waitingOnMe: boolean;
};

/** The physician's referrals as a table: patient (a link to the draft or the referral), code, status and dates. */
export function ReferralTable({
  rows,
  labelledBy,
  siteNames: names,
}: {
  rows: ReferralRow[];
  labelledBy: string;
  siteNames: SiteNames;
}) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const when = useDateTime();
  const patient = (r: ReferralRow) =>
    r.family || r.given ? personName(r.family ?? "", r.given ?? "") : t("intake:list.unnamed");
  const href = (r: ReferralRow) => (r.status === "draft" ? `/referrals/${r.id}/edit` : `/referrals/${r.id}`);
  const site = (r: ReferralRow) =>
    r.site ? (names[r.site as keyof typeof names]?.[lng] ?? r.site) : t("intake:list.notYet");
  const columns: DataColumn<ReferralRow>[] = [
    { key: "patient", header: t("intake:list.columns.patient"), cell: (r) => <Link to={href(r)}>{patient(r)}</Link> },
    {
      key: "code",
      header: t("intake:list.columns.code"),
      cell: (r) => r.code ?? t("intake:list.noCode"),
      cellProps: { className: "referral-list__code" },
    },
    {
      key: "indication",
      header: t("intake:list.columns.indication"),
      cell: (r) => (r.indication ? t(`screen:indications.${r.indication}`) : t("intake:list.notYet")),
    },
    { key: "status", header: t("intake:list.columns.status"), cell: (r) => <StatusTags row={r} /> },
    { key: "site", header: t("intake:list.columns.site"), cell: site },
    {
      key: "changed",
      header: t("intake:list.columns.changed"),
      cell: (r) => <time dateTime={r.changedAt}>{when(r.changedAt)}</time>,
    },
  ];
  return (
    <DataTable
      labelledBy={labelledBy}
      className="referral-list"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-referral": r.id, "data-status": r.status })}
    />
  );
}

/** The referral's status, with a tag when it waits on the physician and one when it is urgent. */
function StatusTags({ row: r }: { row: ReferralRow }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`status status--${r.status}`}>{t(`intake:statuses.${r.status}`)}</span>
      {r.waitingOnMe ? (
        <>
          {" "}
          <span className="tag tag--waiting">
            {t(r.status === "draft" ? "intake:list.toFinish" : "intake:list.toAnswer")}
          </span>
        </>
      ) : null}
      {r.urgency === "urgent" && r.status !== "draft" ? (
        <>
          {" "}
          <span className="tag tag--urgent">{t("intake:options.urgency.urgent")}</span>
        </>
      ) : null}
    </>
  );
}
