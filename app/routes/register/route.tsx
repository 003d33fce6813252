import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { RadioGroup } from "~/components/forms/radio-group";
import { TextField } from "~/components/forms/text-field";
import { PersonFields } from "~/components/forms/person-fields";
import { languageAutonyms, languages } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { countries, registerSchema } from "~/modules/accounts/accounts.schema";
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
      <Form method="post" data-form="register" noValidate>
        <CsrfInput />
        <PersonFields values={values} errors={errors} who="self" emailHint={t("auth:register.emailHint")} />
        <TextField
          name="password"
          type="password"
          label={t("auth:fields.password")}
          hint={t("auth:register.passwordHint")}
          autoComplete="new-password"
          error={errors.password}
        />
        <TextField
          name="institution"
          label={t("auth:fields.institution")}
          hint={t("auth:register.institutionHint")}
          autoComplete="organization"
          defaultValue={values.institution}
          error={errors.institution}
        />
        <RadioGroup
          name="country"
          legend={t("auth:fields.country")}
          options={countries.map((c) => ({ value: c, label: t(`auth:countries.${c}`) }))}
          defaultValue={values.country}
          error={errors.country}
          inline
        />
        <RadioGroup
          name="preferredLanguage"
          legend={t("auth:fields.preferredLanguage")}
          hint={t("auth:register.preferredLanguageHint")}
          options={languages.map((l) => ({ value: l, label: languageAutonyms[l] }))}
          defaultValue={values.preferredLanguage ?? defaultLanguage}
          error={errors.preferredLanguage}
          inline
        />
        <button type="submit" className="button">
          {t("auth:register.submit")}
        </button>
      </Form>
      <p>
        {t("auth:register.haveAccount")} <Link to="/login">{t("auth:register.signInLink")}</Link>
      </p>
    </div>
  );
}
