import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ColumnTable, type DataColumn } from "~/components/data-table/data-table";
import { indicationKey } from "~/i18n/screen-keys";
import { JointReviewLink } from "~/components/joint-review/joint-review-link";
import { FieldRowSubmit } from "~/components/forms/field-row-submit";
import { SelectField } from "~/components/forms/select-field";
import type { siteDashboard } from "~/modules/queue/queue.service.server";
import type { jointDashboard } from "~/modules/conferences/conferences.service.server";
import { BarChart, useNumberFormat, type Bar } from "./bar-chart";

type SiteDashboard = Awaited<ReturnType<typeof siteDashboard>>;
type JointDashboard = Awaited<ReturnType<typeof jointDashboard>>;
type IndicationRow = SiteDashboard["byIndication"][number];

/** The period the figures cover: 30, 90 or 365 days. */
export function PeriodForm({ period }: { period: number }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="queue-filters" data-form="dashboard-period">
      <SelectField
        name="period"
        label={t("queue:dashboard.period")}
        options={[30, 90, 365].map((p) => ({
          value: String(p),
          label: t("queue:dashboard.periodDays", { count: p }),
        }))}
        defaultValue={String(period)}
      />
      <FieldRowSubmit>{t("queue:dashboard.show")}</FieldRowSubmit>
    </Form>
  );
}

/** Four figures at a glance: open referrals, clock breaches (linking to them), the median days and the decisions. */
export function SummaryCards({ d }: { d: SiteDashboard }) {
  const { t } = useTranslation();
  const number = useNumberFormat(1);
  const breachTotal = d.breaches.urgent + d.breaches.routine;
  return (
    <>
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
    </>
  );
}

/** The open referrals by state. */
export function OpenSection({ d }: { d: SiteDashboard }) {
  const { t } = useTranslation();
  const bars: Bar[] = (["triage", "in_review", "info_requested", "accepted", "scheduled"] as const).map((tab) => ({
    key: tab,
    label: t(`queue:tabs.${tab}`),
    value: d.open[tab],
  }));
  return (
    <>
      <h2>{t("queue:dashboard.openHeading")}</h2>
      <BarChart
        id="open"
        title={t("queue:dashboard.openChart")}
        bars={bars}
        tableCaption={t("queue:dashboard.openChart")}
        columnLabel={t("queue:dashboard.state")}
        valueLabel={t("queue:dashboard.count")}
      />
    </>
  );
}

/** The clock: breaches by urgency, the median working days to a decision, and the late ones. */
export function ClockSection({ d }: { d: SiteDashboard }) {
  const { t } = useTranslation();
  const number = useNumberFormat(1);
  const days = (value: number | null) =>
    value === null
      ? t("queue:dashboard.noDecisions")
      : t("queue:dashboard.workingDays", { count: value, value: number.format(value) });
  return (
    <>
      <h2>{t("queue:dashboard.clockHeading")}</h2>
      <BarChart
        id="breaches"
        title={t("queue:dashboard.breachChart")}
        bars={[
          { key: "urgent", label: t("queue:urgency.urgent"), value: d.breaches.urgent, alert: true },
          { key: "routine", label: t("queue:urgency.routine"), value: d.breaches.routine, alert: true },
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
    </>
  );
}

/** The decisions of the period by indication, with each outcome in the table under the bars. */
export function OutcomesSection({ d }: { d: SiteDashboard }) {
  const { t } = useTranslation();
  const number = useNumberFormat(1);
  const total = (row: IndicationRow) => row.accept + row.decline + row.redirect;
  const count = (key: keyof Omit<IndicationRow, "indication">, header: string): DataColumn<IndicationRow> => ({
    key,
    header,
    cell: (row) => number.format(row[key]),
  });
  const table = (
    <ColumnTable
      data-testid="outcomes"
      caption={<caption className="visually-hidden">{t("queue:dashboard.outcomeTable")}</caption>}
      columns={[
        {
          key: "indication",
          header: t("queue:columns.indication"),
          rowHeader: true,
          cell: (row) => t(indicationKey(row.indication)),
        },
        count("accept", t("queue:dashboard.outcomes.accept")),
        count("decline", t("queue:dashboard.outcomes.decline")),
        count("redirect", t("queue:dashboard.outcomes.redirect")),
        { key: "total", header: t("queue:dashboard.outcomes.total"), cell: (row) => number.format(total(row)) },
      ]}
      rows={d.byIndication}
      rowKey={(row) => row.indication}
      rowProps={(row) => ({ "data-row": row.indication })}
    />
  );
  return (
    <>
      <h2 id="outcomes-heading">{t("queue:dashboard.outcomesHeading", { count: d.period })}</h2>
      {d.byIndication.length === 0 ? (
        <p>{t("queue:dashboard.noDecisions")}</p>
      ) : (
        <BarChart
          id="outcomes"
          title={t("queue:dashboard.outcomeChart")}
          bars={d.byIndication.map((row) => ({
            key: row.indication,
            label: t(indicationKey(row.indication)),
            value: total(row),
          }))}
          tableCaption={t("queue:dashboard.outcomeChart")}
          columnLabel={t("queue:columns.indication")}
          valueLabel={t("queue:dashboard.count")}
          table={table}
        />
      )}
    </>
  );
}

/** The joint reviews still open with the partner site, and the conference's recommendations of the period. */
export function JointSection({ joint, period }: { joint: JointDashboard; period: number }) {
  const { t } = useTranslation();
  const number = useNumberFormat(1);
  return (
    <>
      <h2 id="joint-dashboard-heading">{t("conferences:dashboard.heading")}</h2>
      {joint.reviews.length ? (
        <ColumnTable
          data-testid="joint-dashboard"
          caption={<caption className="visually-hidden">{t("conferences:dashboard.caption")}</caption>}
          columns={[
            {
              key: "code",
              header: t("queue:columns.code"),
              rowHeader: true,
              cell: (r) => <JointReviewLink review={r} />,
            },
            { key: "owner", header: t("conferences:hub.owner"), cell: (r) => r.ownerSite },
            {
              key: "age",
              header: t("conferences:dashboard.age"),
              cell: (r) => t("conferences:dashboard.days", { count: r.ageDays, value: number.format(r.ageDays) }),
            },
          ]}
          rows={joint.reviews}
          rowKey={(r) => r.id}
        />
      ) : (
        <p>{t("conferences:hub.noReviews")}</p>
      )}
      <BarChart
        id="joint-recommendations"
        title={t("conferences:dashboard.chart", { count: period })}
        bars={joint.recommendations.map((r) => ({
          key: r.code,
          label: t(`conferences:recommendations.${r.code}`),
          value: r.count,
        }))}
        tableCaption={t("conferences:dashboard.chart", { count: period })}
        columnLabel={t("conferences:recommendation.heading")}
        valueLabel={t("queue:dashboard.count")}
      />
    </>
  );
}
