import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import queueStyles from "~/components/queue/queue.css?url";
import { translatorFor } from "~/i18n/i18n.server";
import { dashboardPeriods, siteDashboard, type DashboardPeriod } from "~/modules/queue/queue.service.server";
import { requireStaff } from "~/modules/queue/staff.server";
import { jointDashboard } from "~/modules/conferences/conferences.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { getDb } from "~/utils/db.server";
import {
  ClockSection,
  JointSection,
  OpenSection,
  OutcomesSection,
  PeriodForm,
  SummaryCards,
} from "./dashboard-sections";

export const handle = { titleKey: "queue:dashboard.title" };
export const links = () => [{ rel: "stylesheet", href: queueStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const { lng } = translatorFor(request);
  const asked = Number(new URL(request.url).searchParams.get("period"));
  const period: DashboardPeriod = (dashboardPeriods as readonly number[]).includes(asked)
    ? (asked as DashboardPeriod)
    : 90;
  const db = await getDb();
  const [dashboard, names, joint] = await Promise.all([
    siteDashboard(db, staff, period, new Date()),
    siteNames(db),
    jointDashboard(db, staff, period, new Date()),
  ]);
  const siteName = (code: string) => names[code as keyof typeof names]?.[lng] ?? code;
  return {
    ...dashboard,
    joint: { ...joint, reviews: joint.reviews.map((r) => ({ ...r, ownerSite: siteName(r.ownerSite) })) },
    siteName: names[staff.siteCode as keyof typeof names]?.[lng] ?? staff.siteCode,
  };
}

export default function Dashboard() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/queue">{t("queue:referral.back")}</Link>
      </p>
      <h1>{t("queue:dashboard.heading", { site: d.siteName })}</h1>
      <PeriodForm period={d.period} />
      <SummaryCards d={d} />
      <OpenSection d={d} />
      <ClockSection d={d} />
      <OutcomesSection d={d} />
      <JointSection joint={d.joint} period={d.period} />
    </>
  );
}
