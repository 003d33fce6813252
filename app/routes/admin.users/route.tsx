import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable } from "~/components/data-table/data-table";
import { columnsHeadedBy } from "~/components/data-table/headed-columns";
import { translatorFor } from "~/i18n/i18n.server";
import {
  accountApprovers,
  accountsFor,
  allowedActions,
  changeAccountStatus,
  siteNames,
} from "~/modules/accounts/account-admin.service.server";
import { accountActionSchema, type AccountAction } from "~/modules/accounts/accounts.schema";
import { requireRole } from "~/modules/accounts/guards.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { dateTimeFormat } from "~/i18n/format";
import { readerTimeZone } from "~/modules/sites/site-facts.server";
import { personName } from "~/i18n/person-name";

export const handle = { titleKey: "admin:users.title" };

const doneKeys: Record<AccountAction | "created", string> = {
  approve: "approved",
  reject: "rejected",
  suspend: "suspended",
  reactivate: "reactivated",
  created: "created",
};
const doneValues = new Set(Object.values(doneKeys));

type ActionAnswer = { formError: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, accountApprovers);
  const { lng } = translatorFor(request);
  const db = await getDb();
  const [rows, sites] = await Promise.all([accountsFor(db, actor), siteNames(db)]);
  // Dates are formatted here, once, so server and browser render the same text, in the approver's own zone.
  const date = dateTimeFormat(lng, "date", await readerTimeZone(db, actor));
  const accounts = rows.map((row) => ({
    id: row.id,
    familyName: row.familyName,
    givenName: row.givenName,
    email: row.email,
    role: row.role,
    status: row.status,
    institution: row.institution,
    country: row.country,
    siteName: row.siteCode ? (sites[row.siteCode]?.[lng] ?? row.siteCode) : null,
    registered: date.format(new Date(row.createdAt)),
    actions: allowedActions(actor, row),
  }));
  const done = new URL(request.url).searchParams.get("done");
  return {
    isAdmin: actor.role === "admin",
    pending: accounts.filter((a) => a.status === "pending"),
    others: accounts.filter((a) => a.status !== "pending"),
    done: done && doneValues.has(done) ? done : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, accountApprovers);
  const { t } = translatorFor(request);
  const formData = await request.formData();
  const parsed = accountActionSchema.safeParse({ intent: formData.get("intent"), userId: formData.get("userId") });
  // Only a hand-made request lacks these hidden fields.
  if (!parsed.success) throw new Response(null, { status: 400 });
  const result = await changeAccountStatus(
    await getDb(),
    actor,
    { userId: parsed.data.userId, action: parsed.data.intent },
    { ip: clientIp(request), now: new Date() },
  );
  switch (result.kind) {
    case "done":
      return redirect(`/admin/users?done=${doneKeys[result.action]}`);
    case "reasonRequired":
      // A suspension posted here (an old page, a hand-made request) goes to the page that asks why.
      return redirect(`/admin/users/${encodeURIComponent(parsed.data.userId)}/suspend`);
    case "conflict":
      return data<ActionAnswer>({ formError: t("admin:users.errors.conflict") }, { status: 409 });
    case "notFound":
      return data<ActionAnswer>({ formError: t("admin:users.errors.notFound") }, { status: 404 });
    case "forbidden":
      return data<ActionAnswer>({ formError: t("admin:users.errors.forbidden") }, { status: 403 });
  }
}

type AccountRow = Awaited<ReturnType<typeof loader>>["pending"][number];

/** What an approver may do with one account, each action labelled with the person's name. */
function AccountActions({ row, canResetMfa }: { row: AccountRow; canResetMfa: boolean }) {
  const { t } = useTranslation();
  const name = personName(row.familyName, row.givenName);
  const label = (action: string) => t("admin:users.actionLabel", { action: t(`admin:users.actions.${action}`), name });
  return (
    <div className="button-row">
      {row.actions.map((action) =>
        // Suspending asks for confirmation and a reason on its own page; the other actions are one step.
        action === "suspend" ? (
          <Link
            key={action}
            to={`/admin/users/${row.id}/suspend`}
            className="button button--warning"
            aria-label={label(action)}
          >
            {t(`admin:users.actions.${action}`)}
          </Link>
        ) : (
          <Form method="post" key={action}>
            <CsrfInput />
            <input type="hidden" name="userId" value={row.id} />
            <input type="hidden" name="intent" value={action} />
            <button
              type="submit"
              className={`button${action === "approve" || action === "reactivate" ? "" : " button--warning"}`}
              aria-label={label(action)}
            >
              {t(`admin:users.actions.${action}`)}
            </button>
          </Form>
        ),
      )}
      {canResetMfa && row.status === "active" ? (
        <Link to={`/admin/users/${row.id}/mfa-reset`} aria-label={t("security:mfa.reset.linkLabel", { name })}>
          {t("security:mfa.reset.link")}
        </Link>
      ) : null}
    </div>
  );
}

function AccountsTable({
  id,
  rows,
  showSite,
  canResetMfa = false,
}: {
  id: string;
  rows: AccountRow[];
  showSite: boolean;
  canResetMfa?: boolean;
}) {
  const { t } = useTranslation();
  const column = columnsHeadedBy<AccountRow>((key) => t(`admin:users.columns.${key}`));
  return (
    <DataTable
      labelledBy={id}
      rows={rows}
      rowKey={(row) => row.id}
      rowProps={(row) => ({ "data-email": row.email })}
      columns={[
        column("name", (row) => personName(row.familyName, row.givenName)),
        column("email", (row) => row.email),
        column("role", (row) => t(`roles.${row.role}`)),
        column("institution", (row) => row.institution),
        column("country", (row) => t(`auth:countries.${row.country}`, { defaultValue: row.country })),
        showSite && column("site", (row) => row.siteName ?? t("auth:account.noSite")),
        column("registered", (row) => row.registered),
        column("status", (row) => t(`auth:statuses.${row.status}`)),
        column("actions", (row) => <AccountActions row={row} canResetMfa={canResetMfa} />),
      ]}
    />
  );
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { isAdmin, pending, others, done } = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  return (
    <>
      <StaffPageHeader
        heading={t("admin:users.title")}
        done={done && !answer ? { text: t(`admin:users.done.${done}`) } : null}
        formError={answer?.formError}
      />
      <p>{isAdmin ? t("admin:users.introAdmin") : t("admin:users.introCoordinator")}</p>
      {isAdmin ? (
        <p>
          <Link to="/admin/users/new" className="button button--secondary">
            {t("admin:users.createLink")}
          </Link>
        </p>
      ) : null}

      <h2 id="accounts-pending">{t("admin:users.pendingHeading")}</h2>
      {pending.length > 0 ? (
        <AccountsTable id="accounts-pending" rows={pending} showSite={false} />
      ) : (
        <p>{t("admin:users.noPending")}</p>
      )}

      {isAdmin && others.length > 0 ? (
        <>
          <h2 id="accounts-others">{t("admin:users.otherHeading")}</h2>
          <AccountsTable id="accounts-others" rows={others} showSite canResetMfa={isAdmin} />
        </>
      ) : null}
    </>
  );
}
