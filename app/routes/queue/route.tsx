import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { KeysetPager } from "~/components/data-table/data-table";
import { indicationKey } from "~/i18n/screen-keys";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner/notification-banner";
import bannerStyles from "~/components/notification-banner/notification-banner.css?url";
import queueStyles from "~/components/queue/queue.css?url";
import { indications } from "~/domain/case/vocabulary";
import { formatCalendarDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { movedAwayNotice } from "~/modules/queue/moved-away.server";
import { loadQueue, removeView, saveView } from "~/modules/queue/queue.service.server";
import {
  bulkSchema,
  parseQueueQuery,
  queueQueryString,
  queueTabs,
  savedViewSchema,
} from "~/modules/queue/queue.schema";
import { requireStaff } from "~/modules/queue/staff.server";
import { workingSiteSwitch, type WorkingSite } from "~/modules/staff-exchange/working-site.server";
import { WorkingSiteSwitch, type WorkingSiteChoice } from "~/components/queue/working-site-switch";
import { bulkTriage } from "~/modules/queue/triage.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { translateIssues } from "~/utils/form.server";
import { notFound } from "~/utils/not-found.server";
import { collator } from "~/i18n/intl-cache";
import { Filters, Tabs } from "./filters";
import { SavedViews } from "./saved-views";
import { QueueTable } from "./queue-table";
import { SortForm } from "./sort-controls";

export const handle = { titleKey: "queue:list.title" };
export const links = () => [
  { rel: "stylesheet", href: queueStyles },
  { rel: "stylesheet", href: bannerStyles },
];

/** The switch's words, formatted once here; null when no staff-exchange grant is in force for this person. */
function workingSiteChoice(
  working: WorkingSite | null,
  siteName: (code: string) => string,
  lng: string,
): WorkingSiteChoice | null {
  const host = working?.hosts.find((h) => h.siteCode === working.siteCode) ?? working?.hosts[0];
  if (!working || !host) return null;
  return {
    current: working.siteCode,
    homeName: siteName(working.home),
    host: { code: host.siteCode, name: siteName(host.siteCode), to: formatCalendarDate(host.to, lng) },
    options: [working.home, ...working.hosts.map((h) => h.siteCode)].map((code) => ({ code, name: siteName(code) })),
  };
}

type ActionAnswer = { errors?: Record<string, string>; formError?: string; form: "bulk" | "view" };

const doneKinds = new Set(["bulk", "viewSaved", "viewDeleted"]);

export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const staff = await requireStaff(request, now);
  const { t, lng } = translatorFor(request);
  const url = new URL(request.url);
  const { filters, cursor } = parseQueueQuery(url.searchParams);
  const db = await getDb();
  // Sorting by indication follows the names the reader sees, in their language's alphabetical order.
  const order = collator(lng);
  const indicationOrder = [...indications].sort((a, b) => order.compare(t(indicationKey(a)), t(indicationKey(b))));
  const queue = await loadQueue(db, staff, filters, cursor, now, indicationOrder);
  // A search finds a referral in any state: open the tab it is in rather than an empty one.
  if (filters.q && !cursor && queue.counts[filters.tab] === 0) {
    const found = queueTabs.find((tab) => queue.counts[tab] > 0);
    if (found) throw redirect(`/queue?${queueQueryString({ ...filters, tab: found })}`);
  }
  const names = await siteNames(db);
  const done = url.searchParams.get("done");
  const count = (name: string) => Math.max(0, Math.min(Number(url.searchParams.get(name)) || 0, 1000));
  // The URL carries only the referral's opaque id; the code and the receiving site come from the server, to the
  // person who moved it.
  const moved = done === "moved" ? await movedAwayNotice(db, staff, url.searchParams.get("referral") ?? "") : null;
  const siteName = (code: string) => names[code as keyof typeof names]?.[lng] ?? code;
  return {
    workingFor: workingSiteChoice(await workingSiteSwitch(db, staff, now), siteName, lng),
    exchangeEnded: url.searchParams.get("exchange") === "ended",
    filters,
    query: queueQueryString(filters),
    firstPage: !cursor,
    next: queue.next,
    counts: queue.counts,
    countsAtLeast: queue.countsAtLeast,
    siteName: names[staff.siteCode as keyof typeof names]?.[lng] ?? staff.siteCode,
    staff: queue.staff,
    views: queue.views,
    me: staff.id,
    rows: queue.rows.map((row) => ({
      ...row,
      // Formatted once here, so the server's and the browser's Intl cannot disagree.
      dueOn: row.clock.kind === "running" ? formatCalendarDate(row.clock.dueOn, lng, "shortDate") : null,
      submittedOn: row.submittedOn ? formatCalendarDate(row.submittedOn, lng, "compactDate") : null,
    })),
    done: done && doneKinds.has(done) ? { kind: done, count: count("count"), refused: count("refused") } : null,
    moved: moved
      ? {
          referenceCode: moved.referenceCode,
          site: names[moved.siteCode as keyof typeof names]?.[lng] ?? moved.siteCode,
        }
      : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const { t } = translatorFor(request);
  const url = new URL(request.url);
  const { filters } = parseQueueQuery(url.searchParams);
  const back = (extra: Record<string, string>) => `/queue?${queueQueryString(filters, extra)}`;
  const form = await request.formData();
  const db = await getDb();
  const now = new Date();
  switch (form.get("intent")) {
    case "bulk": {
      const parsed = bulkSchema.safeParse({
        bulkAction: form.get("bulkAction") || undefined,
        ids: form.getAll("ids"),
        assigneeId: form.get("assigneeId") || undefined,
      });
      if (!parsed.success)
        return data<ActionAnswer>({ errors: translateIssues(parsed.error.issues, t), form: "bulk" }, { status: 400 });
      const result = await bulkTriage(
        db,
        staff,
        { ids: parsed.data.ids, action: parsed.data.bulkAction, assigneeId: parsed.data.assigneeId },
        { now, ip: clientIp(request), portalUrl: url.origin },
      );
      void kickMailer();
      return redirect(back({ done: "bulk", count: String(result.done), refused: String(result.refused) }));
    }
    case "saveView": {
      const parsed = savedViewSchema.safeParse({ name: form.get("name") ?? undefined });
      if (!parsed.success)
        return data<ActionAnswer>({ errors: translateIssues(parsed.error.issues, t), form: "view" }, { status: 400 });
      await saveView(db, staff, parsed.data.name, filters, now);
      return redirect(back({ done: "viewSaved" }));
    }
    case "deleteView": {
      const id = form.get("viewId");
      if (typeof id !== "string" || !(await removeView(db, staff, id))) throw notFound();
      return redirect(back({ done: "viewDeleted" }));
    }
    default:
      throw new Response(null, { status: 400 });
  }
}

export default function Queue() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const { filters, rows, counts, staff, views, query, firstPage, next, done, moved } = loaded;
  const bulkErrors = answer?.form === "bulk" ? answer.errors : undefined;
  return (
    <>
      <h1>{t("queue:list.heading", { site: loaded.siteName })}</h1>
      {loaded.exchangeEnded ? (
        <div className="banner banner--warning" role="status">
          <p>{t("queue:workingFor.ended")}</p>
        </div>
      ) : null}
      {loaded.workingFor ? <WorkingSiteSwitch choice={loaded.workingFor} /> : null}
      {moved ? (
        <NotificationBanner
          key={moved.referenceCode}
          heading={t("queue:done.movedAway", { code: moved.referenceCode, site: moved.site })}
          testId="moved-away"
        >
          <p>{t("queue:done.movedAwayNext", { site: moved.site })}</p>
        </NotificationBanner>
      ) : null}
      {done ? (
        <div className="banner banner--success" role="status">
          <p>{done.kind === "bulk" ? t("queue:done.bulk", { count: done.count }) : t(`queue:done.${done.kind}`)}</p>
          {done.kind === "bulk" && done.refused ? <p>{t("queue:done.bulkRefused", { count: done.refused })}</p> : null}
        </div>
      ) : null}
      <ErrorSummary errors={answer?.errors} formError={answer?.formError} />
      <ul className="action-list">
        <li>
          <Link to={`/queue?${queueQueryString({ tab: filters.tab, assignee: "me" })}`}>{t("queue:list.myWork")}</Link>
        </li>
        <li>
          <Link to={`/queue?${queueQueryString({ tab: filters.tab, breach: true })}`}>{t("queue:list.breaches")}</Link>
        </li>
        <li>
          <Link to="/queue/dashboard">{t("queue:list.dashboard")}</Link>
        </li>
      </ul>
      <Filters key={query} filters={filters} staff={staff} />
      <Tabs filters={filters} counts={counts} atLeast={loaded.countsAtLeast} />
      <h2 id="queue-heading">{t("queue:list.tabHeading", { tab: t(`queue:tabs.${filters.tab}`) })}</h2>
      {filters.sort ? (
        <p data-testid="queue-sorted">
          {t("queue:sort.now", {
            column: t(`queue:columns.${filters.sort}`),
            direction: t(`queue:sort.${filters.dir ?? "asc"}`),
          })}{" "}
          <Link to={`/queue?${queueQueryString({ ...filters, sort: undefined, dir: undefined })}`}>
            {t("queue:sort.reset")}
          </Link>
        </p>
      ) : null}
      {rows.length > 1 ? <SortForm key={`sort-${query}`} filters={filters} /> : null}
      {rows.length === 0 ? (
        <p data-testid="queue-empty">{t("queue:list.empty")}</p>
      ) : (
        <QueueTable rows={rows} filters={filters} query={query} staff={staff} bulkErrors={bulkErrors} />
      )}
      <KeysetPager
        label={t("queue:pages.label")}
        className="queue-pages"
        first={firstPage ? null : { to: `/queue?${query}`, text: t("queue:pages.first") }}
        older={next ? { to: `/queue?${query}&after=${encodeURIComponent(next)}`, text: t("queue:pages.next") } : null}
      />
      <SavedViews views={views} query={query} errors={answer?.form === "view" ? answer.errors : undefined} />
    </>
  );
}
