import { useTranslation } from "react-i18next";
import type { BulkRescreenReport } from "~/modules/rules/rescreen.service.server";

/** What rescreening every open referral changed: totals by direction and the outcome pairs that moved. */
export function RescreenReport({ report }: { report: BulkRescreenReport }) {
  const { t } = useTranslation();
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
        <table className="rule-table" data-testid="rescreen-pairs">
          <caption>{t("rules:admin.report.pairsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rules:admin.report.from")}</th>
              <th scope="col">{t("rules:admin.report.to")}</th>
              <th scope="col">{t("rules:admin.report.count")}</th>
            </tr>
          </thead>
          <tbody>
            {report.pairs.map((p) => (
              <tr key={`${p.from}>${p.to}`} data-from={p.from} data-to={p.to}>
                <td>{t(`screen:outcomes.${p.from}.label`)}</td>
                <td>{t(`screen:outcomes.${p.to}.label`)}</td>
                <td>{p.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
