import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitRow } from "~/components/forms/submit-row";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { CsrfInput } from "~/components/csrf-input";
import { indicationKey } from "~/components/decision-panel/labels";
import { RadioGroup } from "~/components/forms/radio-group";
import { TextField } from "~/components/forms/text-field";
import { indications } from "~/domain/case/vocabulary";
import { isLanguage } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { siteConfigFormSchema, siteLanguages } from "~/modules/sites/site-config.schema";
import { changeSiteConfig, sitesOverview } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import { CheckboxGroup } from "~/components/forms/checkbox-group";
import { TextAreaField } from "~/components/forms/text-area-field";
import stylesUrl from "../admin.sites/sites.css?url";
import { notFound } from "~/utils/not-found.server";

export const handle = { titleKey: "sites:edit.pageTitle" };
export const links = () => [{ rel: "stylesheet", href: stylesUrl }];

async function findSite(code: string | undefined) {
  const site = (await sitesOverview(await getDb())).find((s) => s.code === code);
  if (!site) throw notFound();
  return site;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const site = await findSite(params.siteCode);
  return { code: site.code, names: site.names, current: site.current };
}

type ActionData = { errors: Record<string, string>; formError?: string; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const { t } = translatorFor(request, ["sites", "validation"]);
  const site = await findSite(params.siteCode);
  const formData = await request.formData();
  formData.set("siteCode", site.code);
  const parsed = validateForm(siteConfigFormSchema, formData, t);
  const values = { ...parsed.values };
  delete values.siteCode;
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values }, { status: 400 });

  const result = await changeSiteConfig(await getDb(), {
    actor: { id: user.id, role: user.role },
    change: parsed.data,
    ip: clientIp(request),
    at: new Date(),
  });
  if (result.ok) return redirect(`/admin/sites?saved=${site.code}#site-${site.code}-section`);
  if (result.reason === "stale") {
    return data<ActionData>(
      { errors: {}, formError: t("sites:errors.stale", { version: result.currentVersion }), values },
      { status: 409 },
    );
  }
  if (result.reason === "unchanged")
    return data<ActionData>({ errors: {}, formError: t("sites:errors.unchanged"), values }, { status: 400 });
  throw notFound();
}

export default function EditSiteConfig() {
  const { t, i18n } = useTranslation();
  const { code, names, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const errors = actionData?.errors ?? {};
  const typed = actionData?.values;
  const name = names[isLanguage(i18n.language) ? i18n.language : "en"];

  // After a failed save, show what was typed; otherwise the configuration in force.
  const checked = (group: string, value: string, inForce: boolean) =>
    typed ? typed[`${group}.${value}`] === "true" : inForce;
  const treatsOnSite = typed ? typed.treatsOnSite : current.treatsOnSite ? "yes" : "no";
  const clinicalSignoff = typed ? typed.clinicalSignoff : current.clinicalSignoffRequired ? "yes" : "no";
  const weeklyCapacity = typed ? (typed.weeklyCapacity ?? "") : String(current.weeklyCapacity);
  // A stale form is re-based on the version now in force, so saving again is a deliberate second decision.
  const baseVersion = current.version;

  return (
    <>
      <StaffPageHeader
        back={{ to: `/admin/sites#site-${code}-section`, text: t("sites:edit.cancel") }}
        heading={t("sites:edit.heading", { site: name })}
        lead={t("sites:edit.lead", { current: current.version, next: current.version + 1 })}
        errors={errors}
        formError={actionData?.formError}
      />
      <Form method="post" className="form" noValidate data-form="site-config">
        <CsrfInput />
        <input type="hidden" name="baseVersion" value={baseVersion} />
        <CheckboxGroup
          name="acceptedIndications"
          legend={t("sites:edit.acceptedIndications")}
          hint={t("sites:edit.acceptedIndicationsHint")}
          error={errors.acceptedIndications}
          options={indications.map((code) => ({
            value: code,
            label: t(indicationKey(code)),
            checked: checked("acceptedIndications", code, current.acceptedIndications.includes(code)),
          }))}
        />
        <RadioGroup
          name="treatsOnSite"
          legend={t("sites:edit.treatsOnSite")}
          hint={t("sites:edit.treatsOnSiteHint")}
          error={errors.treatsOnSite}
          inline
          defaultValue={treatsOnSite}
          options={[
            { value: "yes", label: t("sites:config.yes") },
            { value: "no", label: t("sites:config.no") },
          ]}
        />
        <CheckboxGroup
          name="languages"
          legend={t("sites:edit.languages")}
          error={errors.languages}
          inline
          options={siteLanguages.map((lng) => ({
            value: lng,
            label: t(`sites:languageNames.${lng}`),
            checked: checked("languages", lng, current.languages.includes(lng)),
          }))}
        />
        <TextField
          name="weeklyCapacity"
          label={t("sites:edit.weeklyCapacity")}
          hint={t("sites:edit.weeklyCapacityHint")}
          error={errors.weeklyCapacity}
          inputMode="numeric"
          className="input--short"
          defaultValue={weeklyCapacity}
        />
        <RadioGroup
          name="clinicalSignoff"
          legend={t("sites:edit.clinicalSignoff")}
          hint={t("sites:edit.clinicalSignoffHint")}
          error={errors.clinicalSignoff}
          inline
          defaultValue={clinicalSignoff}
          options={[
            { value: "yes", label: t("sites:config.yes") },
            { value: "no", label: t("sites:config.no") },
          ]}
        />
        <TextAreaField
          name="note"
          label={t("sites:edit.note")}
          hint={t("sites:edit.noteHint")}
          error={errors.note}
          defaultValue={typed?.note ?? ""}
          rows={4}
        />
        <SubmitRow
          submit={t("sites:edit.submit", { version: current.version + 1 })}
          cancel={{ to: `/admin/sites#site-${code}-section`, text: t("sites:edit.cancel") }}
          disabled={navigation.state === "submitting"}
        />
      </Form>
    </>
  );
}
