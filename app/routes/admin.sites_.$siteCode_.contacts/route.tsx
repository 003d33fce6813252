import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitRow } from "~/components/forms/submit-row";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { CsrfInput } from "~/components/csrf-input";
import { isLanguage } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { siteContactsFormSchema } from "~/modules/site-contacts/site-contacts.schema";
import { changeSiteContacts, siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { phoneProblem } from "~/utils/phone.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import stylesUrl from "../admin.sites/sites.css?url";
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

type ActionData = { errors: Record<string, string>; formError?: string; values: FormValues };

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
    return data<ActionData>({ errors, values: parsed.values }, { status: 400 });

  const result = await changeSiteContacts(await getDb(), {
    actor: { id: user.id, role: user.role },
    siteCode: site.code,
    change: parsed.data,
    ip: clientIp(request),
    at: new Date(),
  });
  if (result.ok) return redirect(`/admin/sites?contacts=${site.code}#site-${site.code}-contacts`);
  if (result.reason === "stale")
    return data<ActionData>(
      { errors: {}, formError: t("contacts:errors.stale", { version: result.currentVersion }), values: parsed.values },
      { status: 409 },
    );
  if (result.reason === "unchanged")
    return data<ActionData>(
      { errors: {}, formError: t("contacts:errors.unchanged"), values: parsed.values },
      { status: 400 },
    );
  throw notFound();
}

export default function EditSiteContacts() {
  const { t, i18n } = useTranslation();
  const { code, names, current } = useLoaderData<typeof loader>();
  const answer = useActionData<ActionData>();
  const errors = answer?.errors ?? {};
  const typed = answer?.values;
  const name = names[isLanguage(i18n.language) ? i18n.language : "en"];
  return (
    <>
      <StaffPageHeader
        back={{ to: `/admin/sites#site-${code}-contacts`, text: t("contacts:edit.cancel") }}
        heading={t("contacts:edit.heading", { site: name })}
        lead={t("contacts:edit.lead", { current: current.version, next: current.version + 1 })}
        errors={errors}
        formError={answer?.formError}
      />
      <Form method="post" className="form" noValidate data-form="site-contacts">
        <CsrfInput />
        <input type="hidden" name="baseVersion" value={current.version} />
        <ContactFields current={current} typed={typed} errors={errors} />
        <SubmitRow
          submit={t("contacts:edit.submit", { version: current.version + 1 })}
          cancel={{ to: `/admin/sites#site-${code}-contacts`, text: t("contacts:edit.cancel") }}
        />
      </Form>
    </>
  );
}
