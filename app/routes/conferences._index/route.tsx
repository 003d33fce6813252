import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
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

/** One part of the hub, named by its heading: its list, or a line saying there is nothing in it yet. */
function HubSection({
  name,
  heading,
  none,
  children,
}: {
  name: "upcoming" | "reviews" | "held";
  heading: string;
  none: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`}>{heading}</h2>
      {children ?? <p>{none}</p>}
    </section>
  );
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
      <HubSection name="upcoming" heading={t("conferences:hub.upcoming")} none={t("conferences:hub.noneUpcoming")}>
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
        ) : null}
      </HubSection>
      <HubSection name="reviews" heading={t("conferences:hub.reviews")} none={t("conferences:hub.noReviews")}>
        {page.reviews.length ? <JointReviewsTable reviews={page.reviews} labelledBy="reviews-heading" /> : null}
      </HubSection>
      <HubSection name="held" heading={t("conferences:hub.held")} none={t("conferences:hub.noneHeld")}>
        {page.held.length ? (
          <ul className="card-list" data-testid="held-conferences">
            {page.held.map((c) => (
              <li key={c.id}>
                <Link to={`/conferences/${c.id}`}>{c.startsAt}</Link> ·{" "}
                <Link to={`/conferences/${c.id}/minutes`}>{t("conferences:minutes.link")}</Link>
              </li>
            ))}
          </ul>
        ) : null}
      </HubSection>
    </>
  );
}
