import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitRow } from "~/components/forms/submit-row";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { AccountPlaceFields, NewPasswordField } from "~/components/forms/account-fields";
import { PostForm } from "~/components/forms/post-form";
import { RadioGroup } from "~/components/forms/radio-group";
import { SelectField } from "~/components/forms/select-field";
import { PersonFields } from "~/components/forms/person-fields";
import { translatorFor } from "~/i18n/i18n.server";
import { createStaffAccount, siteNames } from "~/modules/accounts/account-admin.service.server";
import { siteCodes, staffRoles, staffSchema } from "~/modules/accounts/accounts.schema";
import { requireRole } from "~/modules/accounts/guards.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";

export const handle = { titleKey: "admin:newUser.title" };

type StaffAnswer = { errors: Record<string, string>; values: FormValues };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const { lng } = translatorFor(request);
  const sites = await siteNames(await getDb());
  return {
    defaultLanguage: lng,
    sites: siteCodes.map((code) => ({ value: code, label: sites[code]?.[lng] ?? code })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["admin"]);
  const { t } = translatorFor(request);
  const formData = await request.formData();
  const parsed = validateForm(staffSchema, formData, t);
  const { password: _password, ...values } = parsed.values;
  if (!parsed.ok) return data<StaffAnswer>({ errors: parsed.errors, values }, { status: 400 });
  const result = await createStaffAccount(await getDb(), actor, parsed.data, {
    ip: clientIp(request),
    now: new Date(),
  });
  if (result.kind === "forbidden") throw new Response(null, { status: 403 });
  if (result.kind === "emailTaken")
    return data<StaffAnswer>({ errors: { email: t("admin:errors.emailTaken") }, values }, { status: 400 });
  return redirect("/admin/users?done=created");
}

export default function NewStaffAccount() {
  const { t } = useTranslation();
  const { defaultLanguage, sites } = useLoaderData<typeof loader>();
  const answer = useActionData<StaffAnswer>();
  const values = answer?.values ?? {};
  const errors = answer?.errors ?? {};
  return (
    <div className="form">
      <StaffPageHeader heading={t("admin:newUser.title")} errors={errors} />
      <p>{t("admin:newUser.intro")}</p>
      <PostForm data-form="staff" noValidate>
        <PersonFields values={values} errors={errors} who="other" />
        <RadioGroup
          name="role"
          legend={t("auth:fields.role")}
          options={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          defaultValue={values.role}
          error={errors.role}
        />
        <SelectField
          name="siteCode"
          label={t("auth:fields.site")}
          hint={t("admin:newUser.siteHint")}
          placeholder={t("admin:newUser.noSite")}
          options={sites}
          defaultValue={values.siteCode ?? ""}
          error={errors.siteCode}
        />
        <AccountPlaceFields values={values} errors={errors} defaultLanguage={defaultLanguage} who="other" />
        <NewPasswordField
          name="password"
          label={t("admin:newUser.password")}
          hint={t("admin:newUser.passwordHint")}
          error={errors.password}
        />
        <SubmitRow submit={t("admin:newUser.submit")} cancel={{ to: "/admin/users", text: t("admin:newUser.back") }} />
      </PostForm>
    </div>
  );
}
