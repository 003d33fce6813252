import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunctionArgs } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { ErrorSummary } from "~/components/forms/error-summary";
import { applyRowIntent, parseRowIntent } from "~/components/forms/repeatable-rows";
import type { FieldContext } from "~/components/intake/intake-field";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { IntakeLayout } from "~/components/intake/intake-layout";
import { intlLocale } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { requireOwnDraft } from "~/modules/intake/guards.server";
import { notFound } from "~/utils/not-found.server";
import {
  answersOf,
  flatten,
  formValuesOf,
  getPath,
  isAsked,
  isFormSection,
  mergeSection,
  sectionFields,
  type FormSection,
} from "~/modules/intake/intake-form";
import {
  caseOf,
  livePrecheck,
  referralToday,
  saveSection,
  type SaveIntent,
} from "~/modules/intake/intake.service.server";
import { countryOptions } from "~/modules/screening/countries";
import { siteNames } from "~/modules/sites/sites.service.server";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { crossBorderRecipients } from "~/domain/routing/site-facts";
import { clientIp } from "~/utils/client-ip.server";
import { formValues } from "~/utils/form.server";
import { personName } from "~/i18n/person-name";
import { regionNames } from "~/i18n/intl-cache";
import type { SectionAnswer } from "./answer";
import { ConsentFields } from "./consent-fields";
import { SectionButtons, SectionFields } from "./section-fields";
import { useSectionForm } from "./use-section-form";

export const handle = { titleKey: "intake:form.pageTitle" };
export const links = () => [
  { rel: "stylesheet", href: panelStylesUrl },
  { rel: "stylesheet", href: intakeStylesUrl },
];

const nextOf: Record<FormSection, string> = {
  patient: "consent",
  consent: "diagnosis",
  diagnosis: "history",
  history: "documents",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, referral } = await requireOwnDraft(request, params.id);
  if (!isFormSection(params.section)) throw notFound();
  const { lng } = translatorFor(request);
  const now = new Date();
  const saved = caseOf(referral);
  const names = await siteNames(db);
  const regions = regionNames(intlLocale[lng]);
  // The hospital and country the patient's data would go to (privacy.md rule 2).
  const recipients = crossBorderRecipients(await siteFacts(db), getPath(saved, "patient.residenceCountry")).map(
    (site) => ({
      country: regions.of(site.country) ?? "",
      hospital: site.names[lng],
    }),
  );
  const recordedAt = getPath(saved, "consent.recordedAt");
  return {
    id: referral.id,
    section: params.section,
    values: formValuesOf(saved),
    saved,
    today: referralToday(now),
    precheck: await livePrecheck(db, saved, now),
    siteNames: names,
    // Named on the server so the browser's Intl cannot word them differently and break hydration.
    countries: countryOptions(intlLocale[lng]),
    recipients,
    recordedAt: typeof recordedAt === "string" ? recordedAt : null,
    patientLanguage: (getPath(saved, "patient.preferredLanguage") as string | undefined) ?? null,
    family: (getPath(saved, "patient.familyName") as string | undefined) ?? null,
    given: (getPath(saved, "patient.givenName") as string | undefined) ?? null,
  };
}

const intents = ["continue", "save", "autosave", "refresh"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, referral } = await requireOwnDraft(request, params.id);
  if (!isFormSection(params.section)) throw notFound();
  const section = params.section;
  const { t } = translatorFor(request, ["intake", "screen"]);
  const formData = await request.formData();
  const rawIntent = formData.get("intent");
  const intent = (intents as readonly unknown[]).includes(rawIntent)
    ? (rawIntent as (typeof intents)[number])
    : "continue";
  let values = formValues(formData);
  const now = new Date();
  const lists = sectionFields[section].filter((f) => f.kind.type === "list");
  const rowIntent = parseRowIntent(
    rawIntent,
    lists.map((f) => f.path),
  );
  if (rowIntent) {
    // A row added or removed: the section is saved as it stands (nothing typed is lost) and shown again.
    const list = lists.find((f) => f.path === rowIntent.list)!;
    const kind = list.kind as Extract<typeof list.kind, { type: "list" }>;
    const applied = applyRowIntent(values, rowIntent, kind.item[0]!.key, kind.max);
    const result = await saveSection(db, {
      user,
      referral,
      section,
      values: applied.values,
      intent: "save",
      now,
      ip: clientIp(request),
    });
    if (!result.saved) throw redirect(`/referrals/${referral.id}`);
    return data<SectionAnswer>({
      kind: "rows",
      values: applied.values,
      focus: applied.focus,
      revision: now.toISOString(),
    });
  }
  values = Object.fromEntries(Object.entries(values).filter(([name]) => !name.startsWith("__rows.")));
  const saveIntent: SaveIntent = intent === "refresh" ? "save" : intent;
  const result = await saveSection(db, {
    user,
    referral,
    section,
    values,
    intent: saveIntent,
    now,
    ip: clientIp(request),
  });
  if (!result.saved) throw redirect(`/referrals/${referral.id}`);
  const errors: Record<string, string> = {};
  for (const issue of result.issues) errors[issue.path] ??= t(issue.key, issue.params ?? {});

  if (intent === "autosave") {
    return data<SectionAnswer>({
      kind: "autosave",
      savedAt: now.toISOString(),
      errors,
      precheck: await livePrecheck(db, result.caseData, now),
    });
  }
  // What was typed comes back with the errors (a refused identifier too, so it can be taken out; it was not stored).
  if (Object.keys(errors).length) return data<SectionAnswer>({ kind: "invalid", errors, values }, { status: 400 });
  if (intent === "refresh") return redirect(`/referrals/${referral.id}/edit/${section}`);
  if (intent === "save") return redirect(`/referrals/${referral.id}/edit?saved=1`);
  return redirect(`/referrals/${referral.id}/edit/${nextOf[section]}`);
}

/** Autosave posts in the background: nothing on the page needs reloading for it. */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formData?.get("intent") === "autosave") return false;
  return defaultShouldRevalidate;
}

export default function SectionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const posted = useActionData<SectionAnswer>();
  // A new form (react-hook-form state included) for each section, and after a row is added or removed.
  return <SectionForm key={`${loaderData.section}-${posted?.kind === "rows" ? posted.revision : ""}`} />;
}

function SectionForm() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const section = d.section as FormSection;
  const posted = useActionData<SectionAnswer>();
  const invalid = posted?.kind === "invalid" ? posted : undefined;
  const rowsAnswer = posted?.kind === "rows" ? posted : undefined;
  const initial = invalid?.values ?? rowsAnswer?.values ?? d.values;
  const { form, autosave, onSubmit, onKeyDown, errors, summaryErrors, onBlurField } = useSectionForm({
    ...d,
    section,
    initial,
    invalid,
    rowsAnswer,
  });
  const { hydrated } = autosave;
  const ctx: FieldContext = {
    values: initial,
    errors,
    register: hydrated ? form.register : undefined,
    siteNames: d.siteNames,
    countries: d.countries,
    onBlurField,
  };
  // Which questions apply depends on answers (indication, sex and age, metastases): this page's over the saved case.
  const current = hydrated ? flatten(form.watch()) : initial;
  const about = mergeSection(d.saved, answersOf(section, current, { today: d.today, saved: d.saved }));
  const asked = (path: string) => isAsked(path, about, d.today);
  const name = d.family || d.given ? personName(d.family ?? "", d.given ?? "") : null;
  const fields = sectionFields[section];

  return (
    <IntakeLayout
      precheck={autosave.answer ? autosave.answer.precheck : d.precheck}
      siteNames={d.siteNames}
      busy={autosave.busy}
    >
      <SectionHeading name={name} section={section} summaryErrors={summaryErrors} />
      <form
        method="post"
        ref={autosave.formRef}
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        noValidate
        className="form intake-form"
        data-form={`section-${section}`}
        data-hydrated={hydrated ? "true" : undefined}
      >
        <CsrfInput />
        {/* Enter in a field submits with the first submit button: "continue", never a row's "remove". */}
        <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
        {section === "consent" ? (
          <ConsentFields
            referralId={d.id}
            fields={fields}
            ctx={ctx}
            recipients={d.recipients}
            patientLanguage={d.patientLanguage}
            recordedAt={d.recordedAt}
            shown={(path) => !hydrated || asked(path)}
          />
        ) : (
          <SectionFields fields={fields} ctx={ctx} shown={asked} hydrated={hydrated} />
        )}
        <SectionButtons busy={autosave.busy} savedAt={autosave.answer?.savedAt} />
      </form>
      <p>
        <Link to={`/referrals/${d.id}/edit`}>{t("intake:form.backToTasks")}</Link>
      </p>
    </IntakeLayout>
  );
}

/** The patient's name as caption, the section's title, the error summary and the section's introduction. */
function SectionHeading(props: { name: string | null; section: FormSection; summaryErrors?: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { name, section } = props;
  return (
    <>
      <p className="caption">{name ? t("intake:tasks.captionNamed", { name }) : t("intake:tasks.caption")}</p>
      <h1>{t(`intake:sections.${section}.title`)}</h1>
      <ErrorSummary errors={props.summaryErrors} />
      {i18n.exists(`intake:sections.${section}.intro`) ? (
        <p className="lead">{t(`intake:sections.${section}.intro`)}</p>
      ) : null}
    </>
  );
}
