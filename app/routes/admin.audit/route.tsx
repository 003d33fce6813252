import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { DataTable, KeysetPager } from "~/components/data-table/data-table";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import {
  AUDIT_EXPORT_MAX,
  auditChainStatus,
  auditSearchOptions,
  searchAuditLog,
} from "~/modules/audit/audit-log.service.server";
import { readAuditQuery } from "~/modules/audit/audit-query.server";
import { auditTimeFormat, describeAuditEvent, type AuditEntry } from "~/modules/audit/audit-view.server";
import { readerTimeZone } from "~/modules/sites/site-facts.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { getDb } from "~/utils/db.server";
import { translateIssues } from "~/utils/form.server";
import { AuditSearchForm } from "./audit-search-form";

// /admin/audit: administrators search the append-only, hash-chained audit log (privacy.md rule 4) and see
// whether the chain still verifies. A GET form: searches are links an administrator can keep or pass on.

export const handle = { titleKey: "audit:title" };

const DETAIL_MAX = 300;

/** An event as the page shows it: the instant with its text, the role under its short name, the detail cut short. */
type AuditEventView = Omit<AuditEntry, "occurredAt" | "atText" | "actorRole"> & {
  at: { iso: string; text: string };
  role: string | null;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const { lng, t } = translatorFor(request);
  const { parsed, form, filterQuery } = readAuditQuery(new URL(request.url));

  const db = await getDb();
  const [options, chain, names] = await Promise.all([auditSearchOptions(db), auditChainStatus(db), siteNames(db)]);
  const base = { options, chain, form, filterQuery, searched: filterQuery !== "", exportMax: AUDIT_EXPORT_MAX };
  if (!parsed.success) {
    // Shown with the form, like any form error; a search that finds nothing because of a typo is not a failure.
    return {
      ...base,
      errors: translateIssues(parsed.error.issues, t),
      events: [] as AuditEventView[],
      newer: null,
      older: null,
      actorTooBroad: false,
    };
  }

  const page = await searchAuditLog(db, parsed.data);
  const when = auditTimeFormat(lng, await readerTimeZone(db, admin));
  const events = page.events.map((row): AuditEventView => {
    const { occurredAt, atText, actorRole, ...entry } = describeAuditEvent(row, lng, t, names, when);
    const detail = entry.detail === "{}" ? "" : entry.detail;
    return {
      ...entry,
      at: { iso: occurredAt, text: atText },
      role: actorRole,
      detail: detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX)}…` : detail,
    };
  });
  return {
    ...base,
    errors: {} as Record<string, string>,
    events,
    newer: page.newer,
    older: page.older,
    actorTooBroad: page.actorTooBroad,
  };
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
        <Link to={pageLink("", { before: chain.brokenAt + 1 })}>
          {t("audit:chain.showBroken", { seq: chain.brokenAt })}
        </Link>
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
      {event.actorName}
      <br />
      <span className="hint">{event.actor.email}</span>
    </>
  );
}

/** What the event is about, linked to a search for every event about the same thing. */
function Subject({ event }: { event: LoaderData["events"][number] }) {
  const { t } = useTranslation();
  const subjectLabel = (code: string) => t(`audit:subjects.${code}`, { defaultValue: code });
  if (!event.subjectId) return <>{subjectLabel(event.subjectType)}</>;
  const search = new URLSearchParams(
    event.referenceCode
      ? { code: event.referenceCode }
      : { subjectType: event.subjectType, subjectId: event.subjectId },
  );
  return (
    <>
      {subjectLabel(event.subjectType)}
      <br />
      <Link
        to={`/admin/audit?${search.toString()}`}
        aria-label={t("audit:results.subjectLink", { id: event.subjectLabel || event.subjectId })}
      >
        {event.subjectLabel && event.subjectLabel !== event.subjectId ? (
          event.subjectLabel
        ) : (
          <code>{event.subjectId}</code>
        )}
      </Link>
    </>
  );
}

/** The events found, newest first: the sentence, who, about what, and the raw record one click away. */
function AuditTable({ events }: { events: LoaderData["events"] }) {
  const { t } = useTranslation();
  const actionLabel = (code: string) => t(`audit:actions.${code}`, { defaultValue: code });
  const roleLabel = (role: string | null) =>
    role === null
      ? t("audit:actor.none")
      : role === "system"
        ? t("audit:actor.system")
        : t(`roles.${role}`, { defaultValue: role });
  return (
    <DataTable
      labelledBy="audit-results"
      aria-describedby="audit-times"
      rows={events}
      rowKey={(event) => event.seq}
      rowProps={(event) => ({ "data-seq": event.seq, "data-action": event.action })}
      columns={[
        { key: "seq", header: t("audit:columns.seq"), cell: (event) => event.seq },
        {
          key: "when",
          header: t("audit:columns.when"),
          cell: (event) => <time dateTime={event.at.iso}>{event.at.text}</time>,
        },
        { key: "who", header: t("audit:columns.who"), cell: (event) => <Who event={event} /> },
        { key: "role", header: t("audit:columns.role"), cell: (event) => roleLabel(event.role) },
        {
          key: "what",
          header: t("audit:columns.what"),
          cell: (event) => (
            <>
              <span data-testid="audit-sentence">{event.sentence}</span>
              <br />
              <span className="hint">
                {actionLabel(event.action)} (<code>{event.action}</code>)
              </span>
            </>
          ),
        },
        { key: "subject", header: t("audit:columns.subject"), cell: (event) => <Subject event={event} /> },
        { key: "ip", header: t("audit:columns.ip"), cell: (event) => event.ip ?? t("audit:results.noIp") },
        {
          key: "detail",
          header: t("audit:columns.detail"),
          cell: (event) => (
            <details>
              <summary>{t("audit:results.raw")}</summary>
              <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{event.raw}</pre>
            </details>
          ),
        },
      ]}
    />
  );
}

export default function AuditLog() {
  const { t, i18n } = useTranslation();
  const { options, chain, form, filterQuery, searched, errors, events, newer, older, actorTooBroad, exportMax } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit:title")}</h1>
      <p>{t("audit:intro")}</p>
      <ChainStatus chain={chain} />
      <ErrorSummary errors={errors} />

      <AuditSearchForm options={options} form={form} errors={errors} searched={searched} />

      <h2 id="audit-results">{t("audit:results.heading")}</h2>
      {events.length > 0 ? (
        <p>
          <a
            href={`/admin/audit/export.csv${filterQuery ? `?${filterQuery}` : ""}`}
            download
            data-testid="audit-export"
          >
            {t("audit:results.export")}
          </a>
          <br />
          <span className="hint">
            {t("audit:results.exportHint", { max: exportMax.toLocaleString(i18n.language) })}
          </span>
        </p>
      ) : null}
      {actorTooBroad ? (
        <div className="banner banner--warning">
          <p>{t("audit:results.actorTooBroad")}</p>
        </div>
      ) : null}
      {events.length === 0 ? (
        <p data-testid="audit-empty">{t("audit:results.none")}</p>
      ) : (
        <AuditTable events={events} />
      )}
      <p id="audit-times" className="hint">
        {t("audit:results.times")}
      </p>
      <KeysetPager
        label={t("audit:pager.label")}
        newer={newer !== null ? { to: pageLink(filterQuery, { after: newer }), text: t("audit:pager.newer") } : null}
        older={older !== null ? { to: pageLink(filterQuery, { before: older }), text: t("audit:pager.older") } : null}
      />
    </>
  );
}
