import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountPlaceFields, NewPasswordField } from "~/components/forms/account-fields";
import { ErrorSummary } from "~/components/forms/error-summary";
import { PersonFields } from "~/components/forms/person-fields";
import { PostForm } from "~/components/forms/post-form";
import { translatorFor } from "~/i18n/i18n.server";
import { registerSchema } from "~/modules/accounts/accounts.schema";
import { register } from "~/modules/accounts/accounts.service.server";
import { homeFor, pendingHome } from "~/modules/accounts/home";
import { getSessionUser } from "~/modules/accounts/session.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";

export const handle = { titleKey: "auth:register.title" };

type RegisterAnswer = { errors: Record<string, string>; formError: string | null; values: FormValues };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(homeFor(user));
  const { lng } = translatorFor(request);
  return { defaultLanguage: lng };
}

export async function action({ request }: ActionFunctionArgs) {
  const { t } = translatorFor(request);
  const formData = await request.formData();
  const parsed = validateForm(registerSchema, formData, t);
  if (!parsed.ok) {
    const { password: _password, ...values } = parsed.values;
    return data<RegisterAnswer>({ errors: parsed.errors, formError: null, values }, { status: 400 });
  }
  const now = new Date();
  const result = await register(await getDb(), parsed.data, { ip: clientIp(request), now });
  if (result.kind === "throttled") {
    const { password: _password, ...values } = parsed.values;
    const minutes = Math.max(1, Math.ceil((result.until.getTime() - now.getTime()) / 60_000));
    return data<RegisterAnswer>(
      { errors: {}, formError: t("auth:register.errors.throttled", { minutes }), values },
      { status: 429 },
    );
  }
  // The same answer whether the address was new or already registered (docs/decisions/0004).
  return redirect(pendingHome);
}

export default function Register() {
  const { t } = useTranslation();
  const { defaultLanguage } = useLoaderData<typeof loader>();
  const answer = useActionData<RegisterAnswer>();
  const values = answer?.values ?? {};
  const errors = answer?.errors ?? {};
  return (
    <div className="form">
      <h1>{t("auth:register.title")}</h1>
      <ErrorSummary errors={errors} formError={answer?.formError ?? undefined} />
      <p>{t("auth:register.intro")}</p>
      <p>{t("auth:register.privacyNote")}</p>
      <PostForm data-form="register" noValidate submit={{ text: t("auth:register.submit") }}>
        <PersonFields values={values} errors={errors} who="self" emailHint={t("auth:register.emailHint")} />
        <NewPasswordField
          name="password"
          label={t("auth:fields.password")}
          hint={t("auth:register.passwordHint")}
          error={errors.password}
        />
        <AccountPlaceFields values={values} errors={errors} defaultLanguage={defaultLanguage} who="self" />
      </PostForm>
      <p>
        {t("auth:register.haveAccount")} <Link to="/login">{t("auth:register.signInLink")}</Link>
      </p>
    </div>
  );
}
