import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { GrantState } from "~/domain/staff-exchange/grant-window";

export type GrantListRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  homeSite: string;
  hostSite: string;
  from: string;
  to: string;
  grantedBy: string;
  grantedOn: string;
  note: string | null;
  state: GrantState;
};

/** One list of grants (in force, starting later, or past); grants that can still open access can be revoked. */
export function GrantTable({ id, heading, rows }: { id: string; heading: string; rows: GrantListRow[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? (
        <p>{t("admin:exchange.lists.none")}</p>
      ) : (
        <div role="region" aria-labelledby={id} tabIndex={0} style={{ overflowX: "auto" }}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin:exchange.columns.name")}</th>
                <th scope="col">{t("admin:exchange.columns.role")}</th>
                <th scope="col">{t("admin:exchange.columns.homeSite")}</th>
                <th scope="col">{t("admin:exchange.columns.hostSite")}</th>
                <th scope="col">{t("admin:exchange.columns.from")}</th>
                <th scope="col">{t("admin:exchange.columns.to")}</th>
                <th scope="col">{t("admin:exchange.columns.status")}</th>
                <th scope="col">{t("admin:exchange.columns.granted")}</th>
                <th scope="col">{t("admin:exchange.columns.note")}</th>
                <th scope="col">{t("admin:exchange.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-grant={row.id} data-email={row.email} data-state={row.state}>
                  <td>{row.name}</td>
                  <td>{t(`roles.${row.role}`)}</td>
                  <td>{row.homeSite}</td>
                  <td>{row.hostSite}</td>
                  <td>{row.from}</td>
                  <td>{row.to}</td>
                  <td>{t(`admin:exchange.states.${row.state}`)}</td>
                  <td>{t("admin:exchange.grantedBy", { name: row.grantedBy, date: row.grantedOn })}</td>
                  <td>{row.note}</td>
                  <td>
                    {row.state === "current" || row.state === "upcoming" ? (
                      // Revoking is never one click: its own page says what happens and asks to confirm.
                      <Link
                        to={`/admin/exchange/${row.id}/revoke`}
                        className="button button--warning"
                        aria-label={t("admin:exchange.revokeLabel", { name: row.name })}
                      >
                        {t("admin:exchange.revokeLink")}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
