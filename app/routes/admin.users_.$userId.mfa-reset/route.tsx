import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { personName } from "~/i18n/person-name";
import { requireRole } from "~/modules/accounts/guards.server";
import { factorResetSubject, resetFactor } from "~/modules/accounts/mfa.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/not-found.server";

// An administrator removes a person's lost one-time-code app (ADR 0021): they sign in with their password alone and
// set up a new one. Asked for confirmation first; the reset is audited (account.mfa_reset).
export const handle = { titleKey: "security:mfa.reset.title" };

async function guard(request: Request, userId: string | undefined) {
  const admin = await requireRole(request, ["admin"]);
  const db = await getDb();
  const account = await factorResetSubject(db, userId ?? "");
  if (!account) throw notFound();
  return { admin, db, account };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await guard(request, params.userId);
  return { name: personName(account.familyName, account.givenName), email: account.email, enrolled: account.enrolled };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, db, account } = await guard(request, params.userId);
  await resetFactor(db, { id: admin.id, role: admin.role }, account.id, { now: new Date(), ip: clientIp(request) });
  return redirect(`/admin/users/${account.id}/mfa-reset?done=1`);
}

export default function ResetSecondFactor() {
  const { t } = useTranslation();
  const { name, email, enrolled } = useLoaderData<typeof loader>();
  return (
    <div className="form">
      <h1>{t("security:mfa.reset.title")}</h1>
      {enrolled ? (
        <ConfirmForm
          question={t("security:mfa.reset.question", { name, email })}
          effect={t("security:mfa.reset.effect")}
          name="mfa-reset"
          submit={t("security:mfa.reset.confirm")}
          cancel={{ to: "/admin/users", text: t("security:mfa.reset.cancel") }}
        />
      ) : (
        <>
          <p role="status" data-testid="mfa-none">
            {t("security:mfa.reset.none", { name, email })}
          </p>
          <p>
            <Link to="/admin/users">{t("security:mfa.reset.back")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
