import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitRow } from "~/components/forms/submit-row";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { CsrfInput } from "~/components/csrf-input";
import { isLanguage } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { siteConfigFormSchema } from "~/modules/sites/site-config.schema";
import { changeSiteConfig, sitesOverview } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import stylesUrl from "../admin.sites/sites.css?url";
import { notFound } from "~/utils/not-found.server";
import { SiteConfigFields } from "./site-config-fields";

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
  const name = names[isLanguage(i18n.language) ? i18n.language : "en"];

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
        {/* A stale form is re-based on the version now in force, so saving again is a deliberate second decision. */}
        <input type="hidden" name="baseVersion" value={current.version} />
        <SiteConfigFields current={current} typed={actionData?.values} errors={errors} />
        <SubmitRow
          submit={t("sites:edit.submit", { version: current.version + 1 })}
          cancel={{ to: `/admin/sites#site-${code}-section`, text: t("sites:edit.cancel") }}
          disabled={navigation.state === "submitting"}
        />
      </Form>
    </>
  );
}
