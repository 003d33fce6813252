import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table/data-table";
import { columnsHeadedBy } from "~/components/data-table/headed-columns";
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
  const column = columnsHeadedBy<GrantListRow>((key) => t(`admin:exchange.columns.${key}`));
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? (
        <p>{t("admin:exchange.lists.none")}</p>
      ) : (
        <DataTable
          labelledBy={id}
          rows={rows}
          rowKey={(row) => row.id}
          rowProps={(row) => ({ "data-grant": row.id, "data-email": row.email, "data-state": row.state })}
          columns={[
            column("name", (row) => row.name),
            column("role", (row) => t(`roles.${row.role}`)),
            column("homeSite", (row) => row.homeSite),
            column("hostSite", (row) => row.hostSite),
            column("from", (row) => row.from),
            column("to", (row) => row.to),
            column("status", (row) => t(`admin:exchange.states.${row.state}`)),
            column("granted", (row) => t("admin:exchange.grantedBy", { name: row.grantedBy, date: row.grantedOn })),
            column("note", (row) => row.note),
            column("actions", (row) =>
              row.state === "current" || row.state === "upcoming" ? (
                // Revoking is never one click: its own page says what happens and asks to confirm.
                <Link
                  to={`/admin/exchange/${row.id}/revoke`}
                  className="button button--warning"
                  aria-label={t("admin:exchange.revokeLabel", { name: row.name })}
                >
                  {t("admin:exchange.revokeLink")}
                </Link>
              ) : null,
            ),
          ]}
        />
      )}
    </section>
  );
}
