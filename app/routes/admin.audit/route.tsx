import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateField } from "~/components/forms/date-field";
import { ErrorSummary } from "~/components/forms/error-summary";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { auditSearchSchema } from "~/modules/audit/audit-log.schema";
import { auditChainStatus, auditSearchOptions, searchAuditLog } from "~/modules/audit/audit-log.service.server";
import { getDb } from "~/utils/db.server";
import { nestValues, translateIssues, type FormValues } from "~/utils/form.server";
import { dateTimeFormat } from "~/i18n/datetime";
import { personName } from "~/i18n/person-name";

// /admin/audit: administrators search the append-only, hash-chained audit log (privacy.md rule 4) and see
// whether the chain still verifies. A GET form: searches are links an administrator can keep or pass on.

export const handle = { titleKey: "audit:title" };

const searchParams = ["actor", "action", "subjectType", "subjectId", "from.year", "from.month", "from.day", "to.year", "to.month", "to.day"];
const DETAIL_MAX = 300;

type AuditEventView = {
  seq: number;
  at: { iso: string; text: string };
  actor: { id: string; email: string | null; familyName: string | null; givenName: string | null } | null;
  role: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  ip: string | null;
  detail: string;
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const { lng, t } = translatorFor(request);
  const url = new URL(request.url);
  const values: FormValues = {};
  for (const name of searchParams) {
    const value = url.searchParams.get(name);
    if (value !== null) values[name] = value;
  }
  // The filters without the cursor: the base of every pager link.
  const filterQuery = new URLSearchParams(Object.entries(values).filter(([, v]) => v.trim() !== "")).toString();
  const nested = nestValues(values);
  const parsed = auditSearchSchema.safeParse({ ...nested, before: url.searchParams.get("before") || undefined, after: url.searchParams.get("after") || undefined });

  const db = await getDb();
  const [options, chain] = await Promise.all([auditSearchOptions(db), auditChainStatus(db)]);
  const form = {
    actor: values.actor ?? "",
    action: values.action ?? "",
    subjectType: values.subjectType ?? "",
    subjectId: values.subjectId ?? "",
    from: typeof nested.from === "string" ? nested.from : "",
    to: typeof nested.to === "string" ? nested.to : "",
  };
  const base = { options, chain, form, filterQuery, searched: filterQuery !== "" };
  if (!parsed.success) {
    // Shown with the form, like any form error; a search that finds nothing because of a typo is not a failure.
    return { ...base, errors: translateIssues(parsed.error.issues, t), events: [] as AuditEventView[], newer: null, older: null, actorTooBroad: false };
  }

  const page = await searchAuditLog(db, parsed.data);
  // Formatted here, once, so server and browser render the same words. Korea and Japan share UTC+9.
  const when = dateTimeFormat(lng, "dateTimeSeconds", "Asia/Seoul");
  const events = page.events.map((e): AuditEventView => {
    const detail = e.detail === "{}" ? "" : e.detail;
    return {
      seq: e.seq,
      at: { iso: e.occurred_at, text: when.format(new Date(e.occurred_at)) },
      actor: e.actor_user_id
        ? { id: e.actor_user_id, email: e.actor_email, familyName: e.actor_family_name, givenName: e.actor_given_name }
        : null,
      role: e.actor_role,
      action: e.action,
      subjectType: e.subject_type,
      subjectId: e.subject_id,
      ip: e.ip,
      detail: detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX)}…` : detail,
    };
  });
  return { ...base, errors: {} as Record<string, string>, events, newer: page.newer, older: page.older, actorTooBroad: page.actorTooBroad };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function pageLink(filterQuery: string, cursor: { before?: number; after?: number }): string {
  const params = new URLSearchParams(filterQuery);
  if (cursor.before !== undefined) params.set("before", String(cursor.before));
  if (cursor.after !== undefined) params.set("after", String(cursor.after));
  return `/admin/audit?${params.toString()}`;
}

function ChainStatus({ chain }: { chain: LoaderData["chain"] }) {
  const { t } = useTranslation();
  if (chain.brokenAt === null) {
    return (
      <div className="banner banner--success" role="status" data-chain="intact">
        <p>{t("audit:chain.intact", { count: chain.events })}</p>
      </div>
    );
  }
  return (
    <div className="banner banner--warning" role="alert" data-chain="broken">
      <p>
        <strong>{t("audit:chain.brokenTitle")}</strong>
      </p>
      <p>{t("audit:chain.broken", { seq: chain.brokenAt })}</p>
      <p>
        <Link to={pageLink("", { before: chain.brokenAt + 1 })}>{t("audit:chain.showBroken", { seq: chain.brokenAt })}</Link>
      </p>
    </div>
  );
}

function Who({ event }: { event: LoaderData["events"][number] }) {
  const { t } = useTranslation();
  if (!event.actor) return <>{event.role === "system" ? t("audit:actor.system") : t("audit:actor.anonymous")}</>;
  if (!event.actor.email) return <code>{event.actor.id}</code>;
  return (
    <>
      {personName(event.actor.familyName, event.actor.givenName)}
      <br />
      <span className="hint">{event.actor.email}</span>
    </>
  );
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { options, chain, form, filterQuery, searched, errors, events, newer, older, actorTooBroad } = useLoaderData<typeof loader>();
  const actionLabel = (code: string) => t(`audit:actions.${code}`, { defaultValue: code });
  const subjectLabel = (code: string) => t(`audit:subjects.${code}`, { defaultValue: code });
  const roleLabel = (role: string | null) => (role === null ? t("audit:actor.none") : role === "system" ? t("audit:actor.system") : t(`roles.${role}`, { defaultValue: role }));
  return (
    <>
      <h1>{t("audit:title")}</h1>
      <p>{t("audit:intro")}</p>
      <ChainStatus chain={chain} />
      <ErrorSummary errors={errors} />

      <section aria-labelledby="audit-search">
        <h2 id="audit-search">{t("audit:search.heading")}</h2>
        <Form method="get" role="search" aria-labelledby="audit-search" data-form="audit-search" className="form">
          <TextField name="actor" label={t("audit:search.actor")} hint={t("audit:search.actorHint")} defaultValue={form.actor} error={errors.actor} autoComplete="off" />
          <SelectField
            name="action"
            label={t("audit:search.action")}
            placeholder={t("audit:search.any")}
            options={options.actions.map((code) => ({ value: code, label: t("audit:search.optionWithCode", { label: actionLabel(code), code }) }))}
            defaultValue={form.action}
            error={errors.action}
          />
          <SelectField
            name="subjectType"
            label={t("audit:search.subjectType")}
            placeholder={t("audit:search.any")}
            options={options.subjectTypes.map((code) => ({ value: code, label: t("audit:search.optionWithCode", { label: subjectLabel(code), code }) }))}
            defaultValue={form.subjectType}
            error={errors.subjectType}
          />
          <TextField name="subjectId" label={t("audit:search.subjectId")} hint={t("audit:search.subjectIdHint")} defaultValue={form.subjectId} error={errors.subjectId} autoComplete="off" />
          <DateField name="from" legend={t("audit:search.from")} defaultValue={form.from} error={errors.from} />
          <DateField name="to" legend={t("audit:search.to")} hint={t("audit:search.dateHint")} defaultValue={form.to} error={errors.to} />
          <div className="button-row">
            <button type="submit" className="button">
              {t("audit:search.submit")}
            </button>
            {searched ? <Link to="/admin/audit">{t("audit:search.clear")}</Link> : null}
          </div>
        </Form>
      </section>

      <h2 id="audit-results">{t("audit:results.heading")}</h2>
      {actorTooBroad ? (
        <div className="banner banner--warning">
          <p>{t("audit:results.actorTooBroad")}</p>
        </div>
      ) : null}
      {events.length === 0 ? (
        <p data-testid="audit-empty">{t("audit:results.none")}</p>
      ) : (
        <div role="region" aria-labelledby="audit-results" tabIndex={0} style={{ overflowX: "auto" }}>
          <table aria-labelledby="audit-results" aria-describedby="audit-times">
            <thead>
              <tr>
                <th scope="col">{t("audit:columns.seq")}</th>
                <th scope="col">{t("audit:columns.when")}</th>
                <th scope="col">{t("audit:columns.who")}</th>
                <th scope="col">{t("audit:columns.role")}</th>
                <th scope="col">{t("audit:columns.what")}</th>
                <th scope="col">{t("audit:columns.subject")}</th>
                <th scope="col">{t("audit:columns.ip")}</th>
                <th scope="col">{t("audit:columns.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.seq} data-seq={event.seq} data-action={event.action}>
                  <td>{event.seq}</td>
                  <td>
                    <time dateTime={event.at.iso}>{event.at.text}</time>
                  </td>
                  <td>
                    <Who event={event} />
                  </td>
                  <td>{roleLabel(event.role)}</td>
                  <td>
                    {actionLabel(event.action)}
                    <br />
                    <code>{event.action}</code>
                  </td>
                  <td>
                    {subjectLabel(event.subjectType)}
                    {event.subjectId ? (
                      <>
                        <br />
                        <Link
                          to={`/admin/audit?${new URLSearchParams({ subjectType: event.subjectType, subjectId: event.subjectId }).toString()}`}
                          aria-label={t("audit:results.subjectLink", { id: event.subjectId })}
                        >
                          <code>{event.subjectId}</code>
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>{event.ip ?? t("audit:results.noIp")}</td>
                  <td>{event.detail ? <code style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{event.detail}</code> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p id="audit-times" className="hint">
        {t("audit:results.times")}
      </p>
      {newer !== null || older !== null ? (
        <nav aria-label={t("audit:pager.label")} className="button-row">
          {newer !== null ? (
            <Link to={pageLink(filterQuery, { after: newer })} rel="prev">
              {t("audit:pager.newer")}
            </Link>
          ) : null}
          {older !== null ? (
            <Link to={pageLink(filterQuery, { before: older })} rel="next">
              {t("audit:pager.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
