import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { indicationKey } from "~/components/decision-panel/labels";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner/notification-banner";
import bannerStyles from "~/components/notification-banner/notification-banner.css?url";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import { ClockText } from "~/components/queue/clock-text";
import queueStyles from "~/components/queue/queue.css?url";
import { indications, urgencies } from "~/domain/case/vocabulary";
import { formatCalendarDate } from "~/i18n/datetime";
import { translatorFor } from "~/i18n/i18n.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { movedAwayNotice } from "~/modules/queue/moved-away.server";
import { loadQueue, removeView, saveView } from "~/modules/queue/queue.service.server";
import {
  bulkSchema,
  COUNT_CAP,
  parseQueueQuery,
  queueQueryString,
  queueSortColumns,
  queueTabs,
  savedViewSchema,
  screenOutcomes,
  type QueueFilters,
  type QueueSortColumn,
} from "~/modules/queue/queue.schema";
import { requireStaff } from "~/modules/queue/staff.server";
import { workingSiteSwitch, type WorkingSite } from "~/modules/staff-exchange/working-site.server";
import { WorkingSiteSwitch, type WorkingSiteChoice } from "~/components/queue/working-site-switch";
import { bulkTriage } from "~/modules/queue/triage.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { translateIssues } from "~/utils/form.server";
import { personName } from "~/i18n/person-name";
import { notFound } from "~/utils/not-found.server";
import { collator } from "~/i18n/intl-cache";

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

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * A column header that sorts the queue: a link (works without JavaScript) to the same view sorted by this column,
 * ascending first, then the other way. aria-sort tells assistive technology which column sorts the table now.
 */
function SortHeader({ column, filters }: { column: QueueSortColumn; filters: QueueFilters }) {
  const { t } = useTranslation();
  const current = filters.sort === column ? (filters.dir ?? "asc") : null;
  const next = current === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={current ? (current === "asc" ? "ascending" : "descending") : undefined}
      data-column={column}
    >
      <Link
        to={`/queue?${queueQueryString({ ...filters, sort: column, dir: next })}`}
        className="sort-link"
        data-sort={column}
      >
        {t(`queue:columns.${column}`)}
        <span aria-hidden="true" className="sort-link__icon">
          {current === "asc" ? "▲" : current === "desc" ? "▼" : "↕"}
        </span>
        <span className="visually-hidden">{t(next === "asc" ? "queue:sort.ascending" : "queue:sort.descending")}</span>
      </Link>
    </th>
  );
}

/** Sorting where the headers are hidden (a phone shows each referral as a card): the same choice as a small form. */
function SortForm({ filters }: { filters: QueueFilters }) {
  const { t } = useTranslation();
  const kept = new URLSearchParams(queueQueryString({ ...filters, sort: undefined, dir: undefined }));
  return (
    <Form method="get" className="queue-sort" data-form="queue-sort">
      {[...kept.entries()].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SelectField
        name="sort"
        label={t("queue:sort.label")}
        placeholder={t("queue:sort.default")}
        options={queueSortColumns.map((column) => ({ value: column, label: t(`queue:columns.${column}`) }))}
        defaultValue={filters.sort ?? ""}
      />
      <SelectField
        name="dir"
        label={t("queue:sort.direction")}
        options={[
          { value: "asc", label: t("queue:sort.asc") },
          { value: "desc", label: t("queue:sort.desc") },
        ]}
        defaultValue={filters.dir ?? "asc"}
      />
      <div className="field">
        <button type="submit" className="button button--secondary">
          {t("queue:sort.apply")}
        </button>
      </div>
    </Form>
  );
}

function nameOf(person: { familyName: string; givenName: string }) {
  return personName(person.familyName, person.givenName);
}

function Filters({ filters, staff }: { filters: QueueFilters; staff: Loaded["staff"] }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="queue-filters" aria-labelledby="filters-heading" data-form="queue-filters">
      <h2 id="filters-heading" className="visually-hidden">
        {t("queue:filters.heading")}
      </h2>
      <input type="hidden" name="tab" value={filters.tab} />
      <TextField
        name="q"
        type="search"
        label={t("queue:filters.search")}
        hint={t("queue:filters.searchHint")}
        defaultValue={filters.q ?? ""}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField
        name="indication"
        label={t("queue:filters.indication")}
        placeholder={t("queue:filters.any")}
        options={indications.map((code) => ({ value: code, label: t(indicationKey(code)) }))}
        defaultValue={filters.indication ?? ""}
      />
      <SelectField
        name="outcome"
        label={t("queue:filters.outcome")}
        placeholder={t("queue:filters.any")}
        options={screenOutcomes.map((code) => ({ value: code, label: t(`screen:outcomes.${code}.label`) }))}
        defaultValue={filters.outcome ?? ""}
      />
      <SelectField
        name="urgency"
        label={t("queue:filters.urgency")}
        placeholder={t("queue:filters.any")}
        options={urgencies.map((code) => ({ value: code, label: t(`queue:urgency.${code}`) }))}
        defaultValue={filters.urgency ?? ""}
      />
      <SelectField
        name="assignee"
        label={t("queue:filters.assignee")}
        placeholder={t("queue:filters.anyone")}
        options={[
          { value: "me", label: t("queue:filters.me") },
          { value: "none", label: t("queue:filters.unassigned") },
          ...staff.map((p) => ({ value: p.id, label: nameOf(p) })),
        ]}
        defaultValue={filters.assignee ?? ""}
      />
      <div className="choice">
        <input type="checkbox" id="filter-breach" name="breach" value="1" defaultChecked={!!filters.breach} />
        <label htmlFor="filter-breach">{t("queue:filters.breach")}</label>
      </div>
      <div className="button-row field">
        <button type="submit" className="button">
          {t("queue:filters.apply")}
        </button>
        <Link to={`/queue?tab=${filters.tab}`}>{t("queue:filters.clear")}</Link>
      </div>
    </Form>
  );
}

function Tabs({ filters, counts, atLeast }: { filters: QueueFilters; counts: Loaded["counts"]; atLeast: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("queue:tabs.label")}>
      <ul className="queue-tabs">
        {queueTabs.map((tab) => {
          const count = counts[tab];
          // Capped (or, for a very broad name search, counted from part of its matches): "n+".
          const shown =
            count >= COUNT_CAP || (atLeast && count > 0)
              ? t("queue:tabs.capped", { count: Math.min(count, COUNT_CAP) })
              : String(count);
          return (
            <li key={tab}>
              <Link
                to={`/queue?${queueQueryString({ ...filters, tab })}`}
                aria-current={filters.tab === tab ? "page" : undefined}
                data-tab={tab}
              >
                {t(`queue:tabs.${tab}`)}
                <span className="count" data-count={count}>
                  <span className="visually-hidden">{t("queue:tabs.countLabel")}</span>
                  {shown}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function SavedViews({
  views,
  query,
  errors,
}: {
  views: Loaded["views"];
  query: string;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="views-heading">
      <h2 id="views-heading">{t("queue:views.heading")}</h2>
      {views.length ? (
        <ul className="queue-views">
          {views.map((view) => (
            <li key={view.id}>
              <Link to={`/queue?${view.query}`}>{view.name}</Link>
              <Form method="post" action={`/queue?${query}`}>
                <CsrfInput />
                <input type="hidden" name="intent" value="deleteView" />
                <input type="hidden" name="viewId" value={view.id} />
                <button
                  type="submit"
                  className="button-link"
                  aria-label={t("queue:views.deleteLabel", { name: view.name })}
                >
                  {t("queue:views.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("queue:views.none")}</p>
      )}
      <Form method="post" action={`/queue?${query}`} className="queue-bulk" data-form="save-view">
        <CsrfInput />
        <input type="hidden" name="intent" value="saveView" />
        <TextField
          name="name"
          label={t("queue:views.name")}
          hint={t("queue:views.nameHint")}
          error={errors?.name}
          autoComplete="off"
          maxLength={60}
        />
        <div className="field">
          <button type="submit" className="button button--secondary">
            {t("queue:views.save")}
          </button>
        </div>
      </Form>
    </section>
  );
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
        <Form method="post" action={`/queue?${query}`} data-form="bulk">
          <CsrfInput />
          <input type="hidden" name="intent" value="bulk" />
          <div className="table-scroll" role="region" aria-labelledby="queue-heading" tabIndex={0}>
            <table className="queue-table" aria-labelledby="queue-heading" data-testid="queue-table">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("queue:columns.select")}</span>
                  </th>
                  {queueSortColumns.map((column) => (
                    <SortHeader key={column} column={column} filters={filters} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-referral={row.id} data-code={row.referenceCode} data-status={row.status}>
                    <td className="queue-table__select">
                      <input
                        type="checkbox"
                        name="ids"
                        value={row.id}
                        id={`select-${row.id}`}
                        aria-label={t("queue:columns.selectOne", { code: row.referenceCode })}
                      />
                    </td>
                    {/* data-label names each cell where a phone shows the row as a card without the header row. */}
                    <td className="nowrap queue-table__code" data-label={t("queue:columns.code")}>
                      <Link to={`/queue/${row.id}`}>{row.referenceCode}</Link>
                    </td>
                    <td data-label={t("queue:columns.patient")}>
                      <span className="nowrap">{nameOf(row)}</span>
                      {row.latinName ? (
                        <>
                          <br />
                          <span className="nowrap">{row.latinName}</span>
                        </>
                      ) : null}
                    </td>
                    <td data-label={t("queue:columns.indication")}>
                      {row.indication ? t(indicationKey(row.indication)) : null}
                    </td>
                    <td data-label={t("queue:columns.screen")}>
                      {row.outcome ? (
                        <span className={`tag tag--${row.outcome}`}>{t(`screen:outcomes.${row.outcome}.label`)}</span>
                      ) : null}
                    </td>
                    <td data-label={t("queue:columns.urgency")}>
                      {row.urgency === "urgent" ? (
                        <strong>{t("queue:urgency.urgent")}</strong>
                      ) : (
                        t("queue:urgency.routine")
                      )}
                    </td>
                    <td data-label={t("queue:columns.status")}>{t(`queue:status.${row.status}`)}</td>
                    <td className="queue-table__clock" data-label={t("queue:columns.clock")} data-testid="queue-clock">
                      <ClockText clock={row.clock} dueOn={row.dueOn} status={row.status} compact />
                    </td>
                    <td data-label={t("queue:columns.assignee")}>
                      {row.assignee ? nameOf(row.assignee) : t("queue:list.unassigned")}
                    </td>
                    <td className="nowrap" data-label={t("queue:columns.received")}>
                      {row.submittedOn}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="queue-bulk">
            <legend className="visually-hidden">{t("queue:bulk.legend")}</legend>
            <SelectField
              name="bulkAction"
              label={t("queue:bulk.action")}
              placeholder={t("queue:bulk.choose")}
              options={[
                { value: "claim", label: t("queue:bulk.claim") },
                { value: "assign", label: t("queue:bulk.assign") },
              ]}
              error={bulkErrors?.bulkAction}
            />
            <SelectField
              name="assigneeId"
              label={t("queue:bulk.assignee")}
              placeholder={t("queue:bulk.choose")}
              options={staff.map((p) => ({ value: p.id, label: `${nameOf(p)} (${t(`roles.${p.role}`)})` }))}
              error={bulkErrors?.assigneeId}
            />
            <div className="field">
              <button type="submit" className="button">
                {t("queue:bulk.submit")}
              </button>
            </div>
            {bulkErrors?.ids ? (
              <p className="field-error" id="field-ids">
                {bulkErrors.ids}
              </p>
            ) : null}
          </fieldset>
        </Form>
      )}
      <nav className="queue-pages" aria-label={t("queue:pages.label")}>
        {!firstPage ? <Link to={`/queue?${query}`}>{t("queue:pages.first")}</Link> : null}
        {next ? (
          <Link to={`/queue?${query}&after=${encodeURIComponent(next)}`} rel="next">
            {t("queue:pages.next")}
          </Link>
        ) : null}
      </nav>
      <SavedViews views={views} query={query} errors={answer?.form === "view" ? answer.errors : undefined} />
    </>
  );
}
