import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { formatCalendarDate, formatInstant } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { personName } from "~/i18n/person-name";
import { siteNames } from "~/modules/accounts/account-admin.service.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { MAX_GRANT_DAYS } from "~/domain/staff-exchange/grant-window";
import { grantSchema } from "~/modules/staff-exchange/staff-exchange.schema";
import {
  exchangeCandidates,
  exchangeGrants,
  exchangeHostsOf,
  grantExchange,
} from "~/modules/staff-exchange/staff-exchange.service.server";
import { todayBySite } from "~/modules/staff-exchange/site-today.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import { GrantForm, type GrantAnswer } from "./grant-form";
import { GrantTable, type GrantListRow } from "./grant-table";

export const handle = { titleKey: "admin:exchange.title" };

const doneKinds = new Set(["granted", "revoked", "alreadyEnded"]);
// The error summary lists problems in the order of the form.
const fieldOrder = ["visitorId", "hostSiteCode", "from", "to", "note"];

function inFormOrder(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b)));
}

/** Only administrators, and only for the sites they administer (ADR 0017); anyone else a bare 403. */
async function guard(request: Request, now: Date) {
  const actor = await requireRole(request, ["admin"], now);
  if (exchangeHostsOf(actor).length === 0) throw new Response(null, { status: 403 });
  return actor;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const actor = await guard(request, now);
  const { lng } = translatorFor(request);
  const db = await getDb();
  const [grants, candidates, names] = await Promise.all([
    exchangeGrants(db, actor, now),
    exchangeCandidates(db),
    siteNames(db),
  ]);
  const siteName = (code: string | null) => (code ? (names[code]?.[lng] ?? code) : "");
  // Dates are formatted here, once, so server and browser render the same text. A grant's days are calendar dates
  // of the host; the moment it was given is shown on the host's clock.
  const rows: GrantListRow[] = grants.map((g) => ({
    id: g.id,
    name: personName(g.visitor.familyName, g.visitor.givenName),
    email: g.visitor.email,
    role: g.visitor.role,
    homeSite: siteName(g.visitor.homeSiteCode),
    hostSite: siteName(g.hostSiteCode),
    from: formatCalendarDate(g.from, lng),
    to: formatCalendarDate(g.to, lng),
    grantedBy: personName(g.grantedBy.familyName, g.grantedBy.givenName),
    grantedOn: formatInstant(g.grantedAt, lng, g.hostTimeZone, "date"),
    note: g.note,
    state: g.state,
  }));
  const done = new URL(request.url).searchParams.get("done");
  return {
    current: rows.filter((r) => r.state === "current"),
    upcoming: rows.filter((r) => r.state === "upcoming"),
    past: rows.filter((r) => r.state === "ended" || r.state === "revoked"),
    hosts: exchangeHostsOf(actor).map((code) => ({ value: code, label: siteName(code) })),
    candidates: candidates.map((c) => ({
      id: c.id,
      name: personName(c.familyName, c.givenName),
      email: c.email,
      role: c.role,
      site: siteName(c.siteCode),
    })),
    maxDays: MAX_GRANT_DAYS,
    done: done && doneKinds.has(done) ? done : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const now = new Date();
  const actor = await guard(request, now);
  const { t } = translatorFor(request);
  const db = await getDb();
  const parsed = validateForm(grantSchema(await todayBySite(db, now)), await request.formData(), t);
  const values: FormValues = parsed.values;
  if (!parsed.ok) return data<GrantAnswer>({ errors: inFormOrder(parsed.errors), values }, { status: 400 });
  const result = await grantExchange(db, actor, parsed.data, { now, ip: clientIp(request) });
  switch (result.kind) {
    case "granted":
      return redirect("/admin/exchange?done=granted");
    case "forbidden":
      return data<GrantAnswer>(
        { errors: { hostSiteCode: t("admin:exchange.errors.forbidden") }, values },
        { status: 403 },
      );
    case "invalid": {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, t(key)]));
      return data<GrantAnswer>({ errors: inFormOrder(errors), values }, { status: 400 });
    }
  }
}

export default function StaffExchange() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<GrantAnswer>();
  return (
    <>
      <StaffPageHeader
        heading={t("admin:exchange.title")}
        done={page.done && !answer ? { text: t(`admin:exchange.done.${page.done}`) } : null}
        errors={answer?.errors}
      />
      <p>{t("admin:exchange.intro")}</p>

      <GrantTable id="exchange-current" heading={t("admin:exchange.lists.current")} rows={page.current} />
      <GrantTable id="exchange-upcoming" heading={t("admin:exchange.lists.upcoming")} rows={page.upcoming} />
      <GrantForm hosts={page.hosts} candidates={page.candidates} maxDays={page.maxDays} answer={answer} />
      <GrantTable id="exchange-past" heading={t("admin:exchange.lists.past")} rows={page.past} />
    </>
  );
}
