import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { formatInstant } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { readerTimeZone } from "~/modules/sites/site-facts.server";
import { lastRetentionRun, runRetention, type RetentionCounts } from "~/modules/retention/retention.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

// /admin/retention: when the housekeeping job last ran and what it removed, in counts only (ADR 0021).
export const handle = { titleKey: "security:retention.title" };

const kinds: (keyof RetentionCounts)[] = [
  "rateLimitCounters",
  "statusLookupSessions",
  "signInDevices",
  "signInChallenges",
  "referralsPurged",
  "attachmentFilesRemoved",
];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const { lng } = translatorFor(request);
  const db = await getDb();
  const last = await lastRetentionRun(db);
  return {
    last: last && {
      at: formatInstant(last.finishedAt, lng, await readerTimeZone(db, admin)),
      counts: kinds.map((kind) => ({ kind, count: last.counts[kind] ?? 0 })),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const db = await getDb();
  const now = new Date();
  const counts = await runRetention(db, now);
  const audit = auditBy(db, admin, { now, ip: clientIp(request) });
  await audit("retention.run", ["retention", null], counts);
  return redirect("/admin/retention");
}

export default function Retention() {
  const { t } = useTranslation();
  const { last } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("security:retention.title")}</h1>
      <p>{t("security:retention.intro")}</p>
      {last ? (
        <>
          <p data-testid="retention-last">{t("security:retention.lastRun", { at: last.at })}</p>
          <table>
            <caption>{t("security:retention.removed")}</caption>
            <tbody>
              {last.counts.map(({ kind, count }) => (
                <tr key={kind} data-kind={kind}>
                  <th scope="row">{t(`security:retention.kinds.${kind}`)}</th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p data-testid="retention-never">{t("security:retention.never")}</p>
      )}
      <Form method="post" data-form="retention-run">
        <CsrfInput />
        <button type="submit" className="button">
          {t("security:retention.runNow")}
        </button>
      </Form>
    </div>
  );
}
