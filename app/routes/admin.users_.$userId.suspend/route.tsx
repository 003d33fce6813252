import { personName } from "~/i18n/person-name";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextAreaField } from "~/components/forms/text-area-field";
import { translatorFor } from "~/i18n/i18n.server";
import { changeAccountStatus, suspendableAccount } from "~/modules/accounts/account-admin.service.server";
import { suspendSchema } from "~/modules/accounts/accounts.schema";
import { requireRole } from "~/modules/accounts/guards.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm } from "~/utils/form.server";
import { notFound } from "~/utils/not-found.server";

export const handle = { titleKey: "admin:suspend.title" };

type ActionAnswer = { errors?: Record<string, string>; formError?: string; reason: string };

// Only an administrator suspends, and only an account they may suspend now; anything else is a bare 404.
async function guard(request: Request, userId: string | undefined) {
  const actor = await requireRole(request, ["admin"]);
  const db = await getDb();
  const account = await suspendableAccount(db, actor, userId ?? "");
  if (!account) throw notFound();
  return { actor, db, account };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await guard(request, params.userId);
  return { account };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, db, account } = await guard(request, params.userId);
  const { t } = translatorFor(request);
  const parsed = validateForm(suspendSchema, await request.formData(), t);
  const typed = parsed.values.reason ?? "";
  if (!parsed.ok) return data<ActionAnswer>({ errors: parsed.errors, reason: typed }, { status: 400 });
  const result = await changeAccountStatus(
    db,
    actor,
    { userId: account.id, action: "suspend", reason: parsed.data.reason },
    { ip: clientIp(request), now: new Date() },
  );
  if (result.kind === "done") return redirect("/admin/users?done=suspended");
  if (result.kind === "reasonRequired")
    return data<ActionAnswer>(
      { errors: { reason: t("admin:suspend.errors.reasonRequired") }, reason: typed },
      { status: 400 },
    );
  return data<ActionAnswer>(
    { formError: t(`admin:users.errors.${result.kind}`), reason: typed },
    { status: result.kind === "conflict" ? 409 : 403 },
  );
}

/** Suspending signs the person out everywhere at once: the page says so and asks why, before anything happens. */
export default function SuspendAccount() {
  const { t } = useTranslation();
  const { account } = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const name = personName(account.familyName, account.givenName);
  return (
    <div className="form">
      <ErrorSummary errors={answer?.errors} formError={answer?.formError} />
      <h1>{t("admin:suspend.title")}</h1>
      <ConfirmForm
        question={t("admin:suspend.question", { name, email: account.email, role: t(`roles.${account.role}`) })}
        effect={t("admin:suspend.effect")}
        name="suspend-account"
        submit={t("admin:suspend.confirm")}
        cancel={{ to: "/admin/users", text: t("admin:suspend.cancel") }}
      >
        <TextAreaField
          name="reason"
          label={t("admin:suspend.reason")}
          hint={t("admin:suspend.reasonHint")}
          error={answer?.errors?.reason}
          defaultValue={answer?.reason}
          maxLength={500}
          required
        />
      </ConfirmForm>
    </div>
  );
}
