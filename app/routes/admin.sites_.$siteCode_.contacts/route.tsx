import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SiteVersionForm } from "~/components/site-edit/site-version-form";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { siteContactsFormSchema } from "~/modules/site-contacts/site-contacts.schema";
import { changeSiteContacts, siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { phoneProblem } from "~/utils/phone.server";
import { validateForm } from "~/utils/form.server";
import stylesUrl from "../admin.sites/sites.css?url";
import { versionSaveAnswer, type VersionAnswer } from "../admin.sites/version-save.server";
import { notFound } from "~/utils/not-found.server";
import { siteByCode } from "~/domain/routing/site-facts";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { ContactFields } from "./contact-fields";

// /admin/sites/<code>/contacts: an administrator records the site's contact details and which of them the site has
// confirmed. Each save is a new, audited version (docs/decisions/0023).
export const handle = { titleKey: "contacts:edit.pageTitle" };
export const links = () => [{ rel: "stylesheet", href: stylesUrl }];

async function findSite(code: string | undefined) {
  const db = await getDb();
  const names = await siteNames(db);
  const contacts = await siteContactsOf(db, code);
  if (!code || !contacts || !(code in names)) throw notFound();
  const country = siteByCode(await siteFacts(db), code)?.country;
  return { code, names: names[code as keyof typeof names], contacts, country };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const site = await findSite(params.siteCode);
  return { code: site.code, names: site.names, current: site.contacts };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const { t } = translatorFor(request, ["contacts", "validation"]);
  const site = await findSite(params.siteCode);
  const parsed = validateForm(siteContactsFormSchema, await request.formData(), t);
  const errors = parsed.ok ? {} : { ...parsed.errors };
  // The full phone metadata lives on the server: a number that cannot exist is refused with the site's country.
  const phone = parsed.values.phone?.trim();
  if (phone && !errors.phone && phoneProblem(phone, site.country)) errors.phone = t("contacts:validation.phoneInvalid");
  if (!parsed.ok || Object.keys(errors).length)
    return data<VersionAnswer>({ errors, values: parsed.values }, { status: 400 });

  const result = await changeSiteContacts(await getDb(), {
    actor: { id: user.id, role: user.role },
    siteCode: site.code,
    change: parsed.data,
    ip: clientIp(request),
    at: new Date(),
  });
  return versionSaveAnswer(result, {
    t,
    ns: "contacts",
    values: parsed.values,
    savedTo: `/admin/sites?contacts=${site.code}#site-${site.code}-contacts`,
  });
}

export default function EditSiteContacts() {
  const { code, names, current } = useLoaderData<typeof loader>();
  const answer = useActionData<VersionAnswer>();
  return (
    <SiteVersionForm ns="contacts" site={{ code, names }} version={current.version} answer={answer}>
      <ContactFields current={current} typed={answer?.values} errors={answer?.errors ?? {}} />
    </SiteVersionForm>
  );
}
