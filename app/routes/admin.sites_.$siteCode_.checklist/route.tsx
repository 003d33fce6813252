import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitRow } from "~/components/forms/submit-row";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { CsrfInput } from "~/components/csrf-input";
import { TextAreaField } from "~/components/forms/text-area-field";
import { TextField } from "~/components/forms/text-field";
import { isLanguage, languages } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import {
  changeTravelChecklist,
  checklistInForce,
} from "~/modules/travel-checklist/travel-checklist-config.service.server";
import { travelChecklistFormSchema } from "~/modules/travel-checklist/travel-checklist.schema";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import stylesUrl from "../admin.sites/sites.css?url";
import { notFound } from "~/utils/not-found.server";
import { ChangeNoteField } from "~/components/forms/change-note-field";

// /admin/sites/<code>/checklist: the wording of the site's cross-border checklist in ko/ja/en. Each save is a new,
// audited version; ticks on referrals refer to item keys, so rewording keeps what is done (docs/decisions/0023).
export const handle = { titleKey: "travel:edit.pageTitle" };
export const links = () => [{ rel: "stylesheet", href: stylesUrl }];

async function findChecklist(code: string | undefined) {
  const db = await getDb();
  const names = await siteNames(db);
  const checklist = code && code in names ? await checklistInForce(db, code) : null;
  if (!code || !checklist) throw notFound();
  return { code, names: names[code as keyof typeof names], checklist };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const { code, names, checklist } = await findChecklist(params.siteCode);
  return { code, names, version: checklist.version, items: checklist.items };
}

type ActionData = { errors: Record<string, string>; formError?: string; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const { t } = translatorFor(request, ["travel", "validation"]);
  const { code } = await findChecklist(params.siteCode);
  const parsed = validateForm(travelChecklistFormSchema, await request.formData(), t);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await changeTravelChecklist(await getDb(), {
    actor: { id: user.id, role: user.role },
    siteCode: code,
    change: parsed.data,
    ip: clientIp(request),
    at: new Date(),
  });
  if (result.ok) return redirect(`/admin/sites?checklist=${code}#site-${code}-checklist`);
  if (result.reason === "unknown_site") throw notFound();
  const message =
    result.reason === "unchanged"
      ? t("travel:errors.unchanged")
      : t("travel:errors.stale", { version: result.currentVersion });
  return data<ActionData>(
    { errors: {}, formError: message, values: parsed.values },
    { status: result.reason === "unchanged" ? 400 : 409 },
  );
}

export default function EditTravelChecklist() {
  const { t, i18n } = useTranslation();
  const { code, names, version, items } = useLoaderData<typeof loader>();
  const answer = useActionData<ActionData>();
  const errors = answer?.errors ?? {};
  const typed = answer?.values;
  const name = names[isLanguage(i18n.language) ? i18n.language : "en"];
  const value = (field: string, inForce: string) => (typed ? (typed[field] ?? "") : inForce);
  return (
    <>
      <StaffPageHeader
        back={{ to: `/admin/sites#site-${code}-checklist`, text: t("travel:edit.cancel") }}
        heading={t("travel:edit.heading", { site: name })}
        lead={t("travel:edit.lead", { current: version, next: version + 1 })}
        errors={errors}
        formError={answer?.formError}
      />
      <Form method="post" className="form" noValidate data-form="travel-checklist">
        <CsrfInput />
        <input type="hidden" name="baseVersion" value={version} />
        {items.map((item) => (
          <fieldset key={item.key} data-item={item.key}>
            <legend>
              {item.title[isLanguage(i18n.language) ? i18n.language : "en"]} ({t(`travel:audience.${item.audience}`)})
            </legend>
            {languages.map((lng) => (
              <div key={lng}>
                <TextField
                  name={`items.${item.key}.title.${lng}`}
                  label={t(`travel:edit.titleIn.${lng}`)}
                  lang={lng}
                  error={errors[`items.${item.key}.title.${lng}`]}
                  defaultValue={value(`items.${item.key}.title.${lng}`, item.title[lng])}
                />
                <TextAreaField
                  name={`items.${item.key}.body.${lng}`}
                  label={t(`travel:edit.bodyIn.${lng}`)}
                  lang={lng}
                  error={errors[`items.${item.key}.body.${lng}`]}
                  defaultValue={value(`items.${item.key}.body.${lng}`, item.body[lng])}
                  rows={4}
                />
              </div>
            ))}
            <TextAreaField
              name={`items.${item.key}.sources`}
              label={t("travel:edit.sources")}
              hint={t("travel:edit.sourcesHint")}
              error={errors[`items.${item.key}.sources`]}
              defaultValue={value(`items.${item.key}.sources`, item.sources.join("\n"))}
              rows={2}
            />
          </fieldset>
        ))}
        <ChangeNoteField ns="travel" error={errors.note} typed={typed?.note} rows={3} />
        <SubmitRow
          submit={t("travel:edit.submit", { version: version + 1 })}
          cancel={{ to: `/admin/sites#site-${code}-checklist`, text: t("travel:edit.cancel") }}
        />
      </Form>
    </>
  );
}
