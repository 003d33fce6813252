import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useDateTime } from "~/components/intake/history";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { isLanguage } from "~/i18n/config";
import { requireRole } from "~/modules/accounts/guards.server";
import { myReferrals } from "~/modules/intake/intake.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { getDb } from "~/utils/db.server";
import { personName } from "~/i18n/person-name";

export const handle = { titleKey: "intake:list.title" };
export const links = () => [{ rel: "stylesheet", href: intakeStylesUrl }];

const notices = ["deleted", "withdrawn"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["physician"]);
  const db = await getDb();
  const rows = await myReferrals(db, user);
  const done = new URL(request.url).searchParams.get("done");
  return {
    referrals: rows.map((r) => ({
      id: r.id,
      code: r.referenceCode,
      status: r.status,
      site: r.siteCode,
      family: r.patient.familyName,
      given: r.patient.givenName,
      indication: r.indication,
      urgency: r.urgency,
      changedAt: r.updatedAt,
      waitingOnMe: r.waitingOnMe,
    })),
    siteNames: await siteNames(db),
    notice: (notices as readonly string[]).includes(done ?? "") ? done : null,
  };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["referrals"][number];

export default function MyReferrals() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const { referrals, siteNames: names, notice } = useLoaderData<typeof loader>();
  const when = useDateTime();
  const waiting = referrals.filter((r) => r.waitingOnMe);
  const patient = (r: Row) =>
    r.family || r.given ? personName(r.family ?? "", r.given ?? "") : t("intake:list.unnamed");
  const href = (r: Row) => (r.status === "draft" ? `/referrals/${r.id}/edit` : `/referrals/${r.id}`);

  const table = (rows: Row[], id: string) => (
    <table className="referral-list" aria-labelledby={id}>
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

  return (
    <>
      <h1>{t("intake:list.title")}</h1>
      {notice ? (
        <div className="banner banner--success" role="status">
          <p>{t(`intake:list.done.${notice}`)}</p>
        </div>
      ) : null}
      <p>
        <Link to="/referrals/new" className="button">
          {t("intake:list.new")}
        </Link>
      </p>
      {waiting.length ? (
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t("intake:list.waitingTitle", { count: waiting.length })}</h2>
          {table(waiting, "waiting-title")}
        </section>
      ) : null}
      <section aria-labelledby="all-title">
        <h2 id="all-title">{t("intake:list.allTitle")}</h2>
        {referrals.length ? table(referrals, "all-title") : <p>{t("intake:list.empty")}</p>}
      </section>
    </>
  );
}
