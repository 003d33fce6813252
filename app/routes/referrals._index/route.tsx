import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { requireRole } from "~/modules/accounts/guards.server";
import { myReferrals } from "~/modules/intake/intake.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { getDb } from "~/utils/db.server";
import { ReferralTable } from "./referral-table";

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

export default function MyReferrals() {
  const { t } = useTranslation();
  const { referrals, siteNames: names, notice } = useLoaderData<typeof loader>();
  const waiting = referrals.filter((r) => r.waitingOnMe);

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
          <ReferralTable rows={waiting} labelledBy="waiting-title" siteNames={names} />
        </section>
      ) : null}
      <section aria-labelledby="all-title">
        <h2 id="all-title">{t("intake:list.allTitle")}</h2>
        {referrals.length ? (
          <ReferralTable rows={referrals} labelledBy="all-title" siteNames={names} />
        ) : (
          <p>{t("intake:list.empty")}</p>
        )}
      </section>
    </>
  );
}
