import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { AUDIT_EXPORT_MAX, searchAuditLog } from "~/modules/audit/audit-log.service.server";
import { readAuditQuery } from "~/modules/audit/audit-query.server";
import { auditTimeFormat, describeAuditEvent } from "~/modules/audit/audit-view.server";
import { readerTimeZone } from "~/modules/sites/site-facts.server";
import { csvRow, UTF8_BOM } from "~/modules/audit/csv";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

// /admin/audit/export.csv?<the page's filters>: every event the audit page's search finds (up to AUDIT_EXPORT_MAX),
// newest first, in the administrator's language. Administrators only; the export is itself an audited event (who,
// which filters, how many rows), written before the file leaves.

const BATCH = 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const url = new URL(request.url);
  const { parsed, filterQuery } = readAuditQuery(url);
  // A search the page would refuse is explained there, with what was typed.
  if (!parsed.success) throw redirect(`/admin/audit${filterQuery ? `?${filterQuery}` : ""}`);
  const { lng, t } = translatorFor(request);
  const db = await getDb();
  const names = await siteNames(db);
  const when = auditTimeFormat(lng, await readerTimeZone(db, admin));

  const search = { ...parsed.data, before: undefined, after: undefined };
  const rows: string[] = [];
  let before: number | undefined;
  while (rows.length < AUDIT_EXPORT_MAX) {
    const page = await searchAuditLog(db, { ...search, before }, Math.min(BATCH, AUDIT_EXPORT_MAX - rows.length));
    for (const row of page.events) {
      const e = describeAuditEvent(row, lng, t, names, when);
      rows.push(
        csvRow([
          e.seq,
          e.occurredAt,
          e.atText,
          e.actorName,
          e.actor?.email ?? null,
          e.actorRole === null
            ? ""
            : e.actorRole === "system"
              ? t("audit:actor.system")
              : t(`roles.${e.actorRole}`, { defaultValue: e.actorRole }),
          e.sentence,
          e.action,
          e.subjectType,
          e.referenceCode ?? e.subjectLabel,
          e.subjectId,
          e.ip,
          e.detail,
        ]),
      );
    }
    if (page.older === null) break;
    before = page.older;
  }

  const audit = auditBy(db, admin, { now: new Date(), ip: clientIp(request) });
  await audit("audit.exported", ["audit_log", null], { filters: filterQuery, rows: rows.length });

  const header = csvRow([
    t("audit:columns.seq"),
    t("audit:columns.whenUtc"),
    t("audit:columns.when"),
    t("audit:columns.who"),
    t("audit:columns.email"),
    t("audit:columns.role"),
    t("audit:columns.event"),
    t("audit:columns.actionCode"),
    t("audit:columns.subjectType"),
    t("audit:columns.subject"),
    t("audit:columns.subjectId"),
    t("audit:columns.ip"),
    t("audit:columns.detail"),
  ]);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(UTF8_BOM + header + rows.join(""), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
