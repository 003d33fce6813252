import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
  return (
    <table className="referral-list" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t("intake:list.columns.patient")}</th>
          <th scope="col">{t("intake:list.columns.code")}</th>
          <th scope="col">{t("intake:list.columns.indication")}</th>
          <th scope="col">{t("intake:list.columns.status")}</th>
          <th scope="col">{t("intake:list.columns.site")}</th>
          <th scope="col">{t("intake:list.columns.changed")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-referral={r.id} data-status={r.status}>
            <td>
              <Link to={href(r)}>{patient(r)}</Link>
            </td>
            <td className="referral-list__code">{r.code ?? t("intake:list.noCode")}</td>
            <td>{r.indication ? t(`screen:indications.${r.indication}`) : t("intake:list.notYet")}</td>
            <td>
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
            </td>
            <td>{r.site ? (names[r.site as keyof typeof names]?.[lng] ?? r.site) : t("intake:list.notYet")}</td>
            <td>
              <time dateTime={r.changedAt}>{when(r.changedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
