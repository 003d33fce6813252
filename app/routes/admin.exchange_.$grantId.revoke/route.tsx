import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { formatCalendarDate } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { personName } from "~/i18n/person-name";
import { siteNames } from "~/modules/accounts/account-admin.service.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { revocableGrant, revokeExchange } from "~/modules/staff-exchange/staff-exchange.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/not-found.server";

export const handle = { titleKey: "admin:exchange.revoke.title" };

// Only an administrator of the grant's host, and only while the grant can still open access; anything else a bare 404.
async function guard(request: Request, grantId: string | undefined, now: Date) {
  const actor = await requireRole(request, ["admin"], now);
  const db = await getDb();
  const grant = await revocableGrant(db, actor, grantId ?? "", now);
  if (!grant) throw notFound();
  return { actor, db, grant };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, grant } = await guard(request, params.grantId, new Date());
  const { lng } = translatorFor(request);
  const names = await siteNames(db);
  const siteName = (code: string | null) => (code ? (names[code]?.[lng] ?? code) : "");
  return {
    name: personName(grant.visitor.familyName, grant.visitor.givenName),
    role: grant.visitor.role,
    home: siteName(grant.visitor.homeSiteCode),
    host: siteName(grant.hostSiteCode),
    from: formatCalendarDate(grant.from, lng),
    to: formatCalendarDate(grant.to, lng),
    inForce: grant.state === "current",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const now = new Date();
  const actor = await requireRole(request, ["admin"], now);
  const result = await revokeExchange(await getDb(), actor, params.grantId ?? "", { now, ip: clientIp(request) });
  if (result.kind === "notFound") throw notFound();
  // Revoked by someone else a moment ago, or ended meanwhile: this page has nothing left to confirm, the list says so.
  return redirect(`/admin/exchange?done=${result.kind === "revoked" ? "revoked" : "alreadyEnded"}`);
}

/** Revoking ends access at once: the page says so before anything happens. */
export default function RevokeExchange() {
  const { t } = useTranslation();
  const grant = useLoaderData<typeof loader>();
  return (
    <div className="form">
      <h1>{t("admin:exchange.revoke.title")}</h1>
      <ConfirmForm
        question={t("admin:exchange.revoke.question", {
          name: grant.name,
          role: t(`roles.${grant.role}`),
          home: grant.home,
          host: grant.host,
          from: grant.from,
          to: grant.to,
        })}
        effect={grant.inForce ? t("admin:exchange.revoke.effectCurrent") : t("admin:exchange.revoke.effectUpcoming")}
        name="revoke-exchange"
        submit={t("admin:exchange.revoke.confirm")}
        cancel={{ to: "/admin/exchange", text: t("admin:exchange.revoke.cancel") }}
      />
    </div>
  );
}
