import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SiteVersionForm } from "~/components/site-edit/site-version-form";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { siteConfigFormSchema } from "~/modules/sites/site-config.schema";
import { changeSiteConfig, sitesOverview } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm } from "~/utils/form.server";
import stylesUrl from "../admin.sites/sites.css?url";
import { versionSaveAnswer, type VersionAnswer } from "../admin.sites/version-save.server";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const { t } = translatorFor(request, ["sites", "validation"]);
  const site = await findSite(params.siteCode);
  const formData = await request.formData();
  formData.set("siteCode", site.code);
  const parsed = validateForm(siteConfigFormSchema, formData, t);
  const values = { ...parsed.values };
  delete values.siteCode;
  if (!parsed.ok) return data<VersionAnswer>({ errors: parsed.errors, values }, { status: 400 });

  const result = await changeSiteConfig(await getDb(), {
    actor: { id: user.id, role: user.role },
    change: parsed.data,
    ip: clientIp(request),
    at: new Date(),
  });
  return versionSaveAnswer(result, {
    t,
    ns: "sites",
    values,
    savedTo: `/admin/sites?saved=${site.code}#site-${site.code}-section`,
  });
}

export default function EditSiteConfig() {
  const { code, names, current } = useLoaderData<typeof loader>();
  const answer = useActionData<VersionAnswer>();
  const navigation = useNavigation();
  return (
    <SiteVersionForm
      ns="sites"
      site={{ code, names }}
      version={current.version}
      answer={answer}
      submitting={navigation.state === "submitting"}
    >
      <SiteConfigFields current={current} typed={answer?.values} errors={answer?.errors ?? {}} />
    </SiteVersionForm>
  );
}
