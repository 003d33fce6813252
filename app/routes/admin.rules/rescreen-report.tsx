import { useTranslation } from "react-i18next";
import { ColumnTable, type DataColumn } from "~/components/data-table/data-table";
import type { BulkRescreenReport } from "~/modules/rules/rescreen.service.server";

/** What rescreening every open referral changed: totals by direction and the outcome pairs that moved. */
export function RescreenReport({ report }: { report: BulkRescreenReport }) {
  const { t } = useTranslation();
  const columns: DataColumn<BulkRescreenReport["pairs"][number]>[] = [
    { key: "from", header: t("rules:admin.report.from"), cell: (p) => t(`screen:outcomes.${p.from}.label`) },
    { key: "to", header: t("rules:admin.report.to"), cell: (p) => t(`screen:outcomes.${p.to}.label`) },
    { key: "count", header: t("rules:admin.report.count"), cell: (p) => p.count },
  ];
  return (
    <section
      aria-labelledby="rescreen-report"
      className="banner banner--success"
      role="status"
      data-testid="rescreen-report"
    >
      <h2 id="rescreen-report">{t("rules:admin.report.heading")}</h2>
      <p>{t("rules:admin.report.total", { count: report.total, version: report.toVersion })}</p>
      <ul>
        {(["improved", "worsened", "unchanged"] as const).map((d) => (
          <li key={d} data-direction={d} data-count={report.directions[d]}>
            {t(`rules:admin.report.${d}`, { count: report.directions[d] })}
          </li>
        ))}
      </ul>
      {report.pairs.length ? (
        <ColumnTable
          className="rule-table"
          data-testid="rescreen-pairs"
          caption={<caption>{t("rules:admin.report.pairsCaption")}</caption>}
          columns={columns}
          rows={report.pairs}
          rowKey={(p) => `${p.from}>${p.to}`}
          rowProps={(p) => ({ "data-from": p.from, "data-to": p.to })}
        />
      ) : null}
    </section>
  );
}
