import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editedField } from "~/components/site-edit/edited-field";
import { SiteVersionForm } from "~/components/site-edit/site-version-form";
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
import { validateForm } from "~/utils/form.server";
import stylesUrl from "../admin.sites/sites.css?url";
import { versionSaveAnswer, type VersionAnswer } from "../admin.sites/version-save.server";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  const { t } = translatorFor(request, ["travel", "validation"]);
  const { code } = await findChecklist(params.siteCode);
  const parsed = validateForm(travelChecklistFormSchema, await request.formData(), t);
  if (!parsed.ok) return data<VersionAnswer>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await changeTravelChecklist(await getDb(), {
    actor: { id: user.id, role: user.role },
    siteCode: code,
    change: parsed.data,
    ip: clientIp(request),
    at: new Date(),
  });
  return versionSaveAnswer(result, {
    t,
    ns: "travel",
    values: parsed.values,
    savedTo: `/admin/sites?checklist=${code}#site-${code}-checklist`,
  });
}

export default function EditTravelChecklist() {
  const { t, i18n } = useTranslation();
  const { code, names, version, items } = useLoaderData<typeof loader>();
  const answer = useActionData<VersionAnswer>();
  const errors = answer?.errors ?? {};
  const typed = answer?.values;
  const field = (name: string, inForce: string) => editedField(typed, errors, name, inForce);
  return (
    <SiteVersionForm ns="travel" site={{ code, names }} version={version} answer={answer}>
      {items.map((item) => (
        <fieldset key={item.key} data-item={item.key}>
          <legend>
            {item.title[isLanguage(i18n.language) ? i18n.language : "en"]} ({t(`travel:audience.${item.audience}`)})
          </legend>
          {languages.map((lng) => (
            <div key={lng}>
              <TextField
                {...field(`items.${item.key}.title.${lng}`, item.title[lng])}
                label={t(`travel:edit.titleIn.${lng}`)}
                lang={lng}
              />
              <TextAreaField
                {...field(`items.${item.key}.body.${lng}`, item.body[lng])}
                label={t(`travel:edit.bodyIn.${lng}`)}
                lang={lng}
                rows={4}
              />
            </div>
          ))}
          <TextAreaField
            {...field(`items.${item.key}.sources`, item.sources.join("\n"))}
            label={t("travel:edit.sources")}
            hint={t("travel:edit.sourcesHint")}
            rows={2}
          />
        </fieldset>
      ))}
      <ChangeNoteField ns="travel" error={errors.note} typed={typed?.note} rows={3} />
    </SiteVersionForm>
  );
}
