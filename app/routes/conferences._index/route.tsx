import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import queueStyles from "~/components/queue/queue.css?url";
import { formatInstant } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { conferenceList, jointReviewsOfSite } from "~/modules/conferences/conferences.service.server";
import { requireStaff, siteClockOf } from "~/modules/queue/staff.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { getDb } from "~/utils/db.server";
import { JointReviewsTable } from "./reviews-table";

export const handle = { titleKey: "conferences:hub.title" };
export const links = () => [{ rel: "stylesheet", href: queueStyles }];

/** Joint work of the two sites: conferences to come and held, and the referrals under joint review for this site. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const { lng } = translatorFor(request);
  const db = await getDb();
  const { timezone } = await siteClockOf(db, staff.siteCode);
  const names = await siteNames(db);
  const siteName = (code: string) => names[code as keyof typeof names]?.[lng] ?? code;
  const list = await conferenceList(db);
  const line = (c: (typeof list.upcoming)[number]) => ({
    id: c.id,
    startsAt: formatInstant(c.startsAt, lng, timezone, "dateTimeZone"),
    cutoff: formatInstant(c.agendaCutoffAt, lng, timezone, "dateTimeZone"),
    cases: c.cases,
  });
  return {
    canSchedule: staff.role === "coordinator",
    upcoming: list.upcoming.map(line),
    held: list.held.map(line),
    reviews: (await jointReviewsOfSite(db, staff)).map((r) => ({
      ...r,
      ownerSite: siteName(r.ownerSite),
      proposedAt: formatInstant(r.proposedAt, lng, timezone, "date"),
    })),
  };
}

export default function Conferences() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("conferences:hub.heading")}</h1>
      <p>{t("conferences:hub.lead")}</p>
      {page.canSchedule ? (
        <p>
          <Link to="/conferences/new" className="button" data-action="schedule-conference">
            {t("conferences:hub.schedule")}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("conferences:hub.upcoming")}</h2>
        {page.upcoming.length ? (
          <ul className="card-list" data-testid="upcoming-conferences">
            {page.upcoming.map((c) => (
              <li key={c.id}>
                <p>
                  <Link to={`/conferences/${c.id}`}>{c.startsAt}</Link>
                </p>
                <p className="hint">
                  {t("conferences:hub.cutoff", { date: c.cutoff })} · {t("conferences:hub.cases", { count: c.cases })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("conferences:hub.noneUpcoming")}</p>
        )}
      </section>
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t("conferences:hub.reviews")}</h2>
        {page.reviews.length ? (
          <JointReviewsTable reviews={page.reviews} labelledBy="reviews-heading" />
        ) : (
          <p>{t("conferences:hub.noReviews")}</p>
        )}
      </section>
      <section aria-labelledby="held-heading">
        <h2 id="held-heading">{t("conferences:hub.held")}</h2>
        {page.held.length ? (
          <ul className="card-list" data-testid="held-conferences">
            {page.held.map((c) => (
              <li key={c.id}>
                <Link to={`/conferences/${c.id}`}>{c.startsAt}</Link> ·{" "}
                <Link to={`/conferences/${c.id}/minutes`}>{t("conferences:minutes.link")}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("conferences:hub.noneHeld")}</p>
        )}
      </section>
    </>
  );
}
