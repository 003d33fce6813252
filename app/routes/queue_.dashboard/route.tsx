import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { indicationKey } from "~/components/decision-panel/labels";
import { SelectField } from "~/components/forms/select-field";
import queueStyles from "~/components/queue/queue.css?url";
import { intlLocale, isLanguage } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { dashboardPeriods, siteDashboard, type DashboardPeriod } from "~/modules/queue/queue.service.server";
import { requireStaff } from "~/modules/queue/staff.server";
import { jointDashboard } from "~/modules/conferences/conferences.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { getDb } from "~/utils/db.server";
import { numberFormat } from "~/i18n/intl-cache";

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

type Bar = { key: string; label: string; value: number; alert?: boolean };

/**
 * Horizontal bars drawn in SVG, each labelled with its value; the figure is one image for assistive technology
 * and the same numbers follow in a table, so nothing depends on seeing the bars.
 */
function BarChart({
  id,
  title,
  bars,
  tableCaption,
  columnLabel,
  valueLabel,
  table,
}: {
  id: string;
  title: string;
  bars: Bar[];
  tableCaption: string;
  columnLabel: string;
  valueLabel: string;
  /** A fuller table of the same numbers, instead of the two-column one. */
  table?: ReactNode;
}) {
  const { i18n } = useTranslation();
  const number = numberFormat(intlLocale[isLanguage(i18n.language) ? i18n.language : "en"]);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 34;
  const labelWidth = 230;
  const barArea = 330;
  const height = bars.length * row + 8;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${labelWidth + barArea + 70} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        focusable="false"
      >
        {bars.map((bar, i) => {
          const width = Math.round((bar.value / max) * barArea);
          const y = i * row + 4;
          return (
            <g key={bar.key}>
              <text x={labelWidth - 8} y={y + 20} textAnchor="end">
                {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
              </text>
              <rect
                className={bar.alert ? "bar bar--alert" : "bar"}
                x={labelWidth}
                y={y + 4}
                width={Math.max(width, bar.value ? 2 : 0)}
                height={row - 12}
              />
              <text x={labelWidth + Math.max(width, 0) + 6} y={y + 20}>
                {number.format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      {table ?? (
        <table>
          <caption className="visually-hidden">{tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{columnLabel}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key} data-row={bar.key}>
                <th scope="row">{bar.label}</th>
                <td>{number.format(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const number = numberFormat(intlLocale[isLanguage(i18n.language) ? i18n.language : "en"], {
    maximumFractionDigits: 1,
  });
  const days = (value: number | null) =>
    value === null
      ? t("queue:dashboard.noDecisions")
      : t("queue:dashboard.workingDays", {
          count: value,
          value: number.format(value),
        });
  const openBars: Bar[] = (["triage", "in_review", "info_requested", "accepted", "scheduled"] as const).map((tab) => ({
    key: tab,
    label: t(`queue:tabs.${tab}`),
    value: d.open[tab],
  }));
  const breachTotal = d.breaches.urgent + d.breaches.routine;
  return (
    <>
      <p>
        <Link to="/queue">{t("queue:referral.back")}</Link>
      </p>
      <h1>{t("queue:dashboard.heading", { site: d.siteName })}</h1>
      <Form method="get" className="queue-filters" data-form="dashboard-period">
        <SelectField
          name="period"
          label={t("queue:dashboard.period")}
          options={[30, 90, 365].map((p) => ({
            value: String(p),
            label: t("queue:dashboard.periodDays", { count: p }),
          }))}
          defaultValue={String(d.period)}
        />
        <div className="field">
          <button type="submit" className="button">
            {t("queue:dashboard.show")}
          </button>
        </div>
      </Form>

      <h2>{t("queue:dashboard.summary")}</h2>
      <ul className="stat-cards" data-testid="stats">
        <li data-stat="open">
          <span className="value">{number.format(Object.values(d.open).reduce((a, b) => a + b, 0))}</span>
          {t("queue:dashboard.openTotal")}
        </li>
        <li data-stat="breaches">
          <span className="value">{number.format(breachTotal)}</span>
          {breachTotal ? (
            <Link to="/queue?tab=triage&breach=1">{t("queue:dashboard.breaches")}</Link>
          ) : (
            t("queue:dashboard.breaches")
          )}
        </li>
        <li data-stat="median">
          <span className="value">{d.medianDays.all === null ? "—" : number.format(d.medianDays.all)}</span>
          {t("queue:dashboard.median", { count: d.period })}
        </li>
        <li data-stat="decisions">
          <span className="value">{number.format(d.decisions)}</span>
          {t("queue:dashboard.decisions", { count: d.period })}
        </li>
      </ul>

      <h2>{t("queue:dashboard.openHeading")}</h2>
      <BarChart
        id="open"
        title={t("queue:dashboard.openChart")}
        bars={openBars}
        tableCaption={t("queue:dashboard.openChart")}
        columnLabel={t("queue:dashboard.state")}
        valueLabel={t("queue:dashboard.count")}
      />

      <h2>{t("queue:dashboard.clockHeading")}</h2>
      <BarChart
        id="breaches"
        title={t("queue:dashboard.breachChart")}
        bars={[
          {
            key: "urgent",
            label: t("queue:urgency.urgent"),
            value: d.breaches.urgent,
            alert: true,
          },
          {
            key: "routine",
            label: t("queue:urgency.routine"),
            value: d.breaches.routine,
            alert: true,
          },
        ]}
        tableCaption={t("queue:dashboard.breachChart")}
        columnLabel={t("queue:columns.urgency")}
        valueLabel={t("queue:dashboard.count")}
      />
      <dl className="case-list">
        <div>
          <dt>{t("queue:dashboard.medianUrgent")}</dt>
          <dd data-testid="median-urgent">{days(d.medianDays.urgent)}</dd>
        </div>
        <div>
          <dt>{t("queue:dashboard.medianRoutine")}</dt>
          <dd data-testid="median-routine">{days(d.medianDays.routine)}</dd>
        </div>
        <div>
          <dt>{t("queue:dashboard.late")}</dt>
          <dd>{number.format(d.late)}</dd>
        </div>
      </dl>

      <h2 id="outcomes-heading">{t("queue:dashboard.outcomesHeading", { count: d.period })}</h2>
      {d.byIndication.length === 0 ? (
        <p>{t("queue:dashboard.noDecisions")}</p>
      ) : (
        <>
          <BarChart
            id="outcomes"
            title={t("queue:dashboard.outcomeChart")}
            bars={d.byIndication.map((row) => ({
              key: row.indication,
              label: t(indicationKey(row.indication)),
              value: row.accept + row.decline + row.redirect,
            }))}
            tableCaption={t("queue:dashboard.outcomeChart")}
            columnLabel={t("queue:columns.indication")}
            valueLabel={t("queue:dashboard.count")}
            table={
              <table data-testid="outcomes">
                <caption className="visually-hidden">{t("queue:dashboard.outcomeTable")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("queue:columns.indication")}</th>
                    <th scope="col">{t("queue:dashboard.outcomes.accept")}</th>
                    <th scope="col">{t("queue:dashboard.outcomes.decline")}</th>
                    <th scope="col">{t("queue:dashboard.outcomes.redirect")}</th>
                    <th scope="col">{t("queue:dashboard.outcomes.total")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.byIndication.map((row) => (
                    <tr key={row.indication} data-row={row.indication}>
                      <th scope="row">{t(indicationKey(row.indication))}</th>
                      <td>{number.format(row.accept)}</td>
                      <td>{number.format(row.decline)}</td>
                      <td>{number.format(row.redirect)}</td>
                      <td>{number.format(row.accept + row.decline + row.redirect)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        </>
      )}

      <h2 id="joint-dashboard-heading">{t("conferences:dashboard.heading")}</h2>
      {d.joint.reviews.length ? (
        <table data-testid="joint-dashboard">
          <caption className="visually-hidden">{t("conferences:dashboard.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("queue:columns.code")}</th>
              <th scope="col">{t("conferences:hub.owner")}</th>
              <th scope="col">{t("conferences:dashboard.age")}</th>
            </tr>
          </thead>
          <tbody>
            {d.joint.reviews.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={r.ownedByReader ? `/queue/${r.referralId}#joint` : `/joint/${r.referralId}`}>
                    {r.referenceCode}
                  </Link>
                </th>
                <td>{r.ownerSite}</td>
                <td>{t("conferences:dashboard.days", { count: r.ageDays, value: number.format(r.ageDays) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("conferences:hub.noReviews")}</p>
      )}
      <BarChart
        id="joint-recommendations"
        title={t("conferences:dashboard.chart", { count: d.period })}
        bars={d.joint.recommendations.map((r) => ({
          key: r.code,
          label: t(`conferences:recommendations.${r.code}`),
          value: r.count,
        }))}
        tableCaption={t("conferences:dashboard.chart", { count: d.period })}
        columnLabel={t("conferences:recommendation.heading")}
        valueLabel={t("queue:dashboard.count")}
      />
    </>
  );
}
