import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useSubmit,
  type ShouldRevalidateFunctionArgs,
} from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { ErrorSummary, fieldId } from "~/components/forms/error-summary";
import { applyRowIntent, parseRowIntent } from "~/components/forms/repeatable-rows";
import { fieldLabel, IntakeFieldInput, type FieldContext } from "~/components/intake/intake-field";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { PrecheckBanner } from "~/components/intake/precheck-banner";
import { flatErrors, intakeResolver, nested } from "~/components/intake/use-intake-form";
import { catalogueField } from "~/domain/case/field-catalogue";
import type { DecisionJson } from "~/domain/screen";
import { intlLocale, isLanguage, languages } from "~/i18n/config";
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
  toE164,
  toKatakanaReading,
  type FlatValues,
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
import { formatInstant } from "~/i18n/datetime";
import { useReaderTimeZone } from "~/components/use-root-data";
import { personName } from "~/i18n/person-name";
import { regionNames } from "~/i18n/intl-cache";

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

export type SectionAnswer =
  | { kind: "autosave"; savedAt: string; errors: Record<string, string>; precheck: DecisionJson | null }
  | { kind: "invalid"; errors: Record<string, string>; values: FlatValues }
  /** After "add another" or "remove": the values as typed, rows changed, and where the focus goes. */
  | { kind: "rows"; values: FlatValues; focus: string; revision: string };

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

const AUTOSAVE_DELAY_MS = 1000;

export default function SectionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const posted = useActionData<SectionAnswer>();
  // A new form (react-hook-form state included) for each section, and after a row is added or removed.
  return <SectionForm key={`${loaderData.section}-${posted?.kind === "rows" ? posted.revision : ""}`} />;
}

function SectionForm() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const timeZone = useReaderTimeZone();
  const loaderData = useLoaderData<typeof loader>();
  const section = loaderData.section as FormSection;
  const posted = useActionData<SectionAnswer>();
  const invalid = posted?.kind === "invalid" ? posted : undefined;
  const rowsAnswer = posted?.kind === "rows" ? posted : undefined;
  const autosave = useFetcher<SectionAnswer>({ key: `autosave-${loaderData.id}-${section}` });
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [hydrated, setHydrated] = useState(false);
  const [summary, setSummary] = useState<Record<string, string> | undefined>(undefined);
  const initial = invalid?.values ?? rowsAnswer?.values ?? loaderData.values;

  const resolver = useMemo(
    () => intakeResolver(section, loaderData.today, loaderData.saved, t),
    [section, loaderData.today, loaderData.saved, t],
  );
  const form = useForm<Record<string, unknown>>({
    defaultValues: nested(initial),
    resolver,
    mode: "onTouched",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const { formState } = form;

  const sendAutosave = () => {
    const element = formRef.current;
    if (!element) return;
    const formData = new FormData(element);
    formData.set("intent", "autosave");
    autosave.submit(formData, { method: "post" });
  };

  useEffect(() => {
    // After "add another" the new row's first field takes the focus (after "remove", the add button).
    if (rowsAnswer) document.getElementById(rowsAnswer.focus)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer: the form is remounted for each
  }, []);

  useEffect(() => {
    setHydrated(true);
    // Every change is saved on the server a moment after typing stops: the draft can be resumed on any device.
    const subscription = form.watch(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(sendAutosave, AUTOSAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once; sendAutosave reads the form element itself
  }, [form]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // The unnamed default button (Enter in a field) means "continue".
    const intent = submitter?.name === "intent" ? submitter.value : "continue";
    clearTimeout(timer.current);
    if (intent !== "continue") {
      event.preventDefault();
      submit(submitter ?? event.currentTarget, { method: "post" });
      return;
    }
    void form.handleSubmit(
      () => submit(submitter ?? formRef.current, { method: "post" }),
      (errors) => {
        setSummary(flatErrors(errors));
        // Invalid or not, what was typed is saved.
        sendAutosave();
      },
    )(event);
  };

  // No Enter-submits while an input method (Korean, Japanese) is still composing a word.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Enter" && (event.nativeEvent.isComposing || event.keyCode === 229)) event.preventDefault();
  };

  const clientErrors = flatErrors(formState.errors);
  const serverErrors = {
    ...(invalid?.errors ?? {}),
    ...(autosave.data?.kind === "autosave" ? autosave.data.errors : {}),
  };
  const errors = hydrated && formState.isSubmitted ? { ...clientErrors } : { ...serverErrors, ...clientErrors };

  const onBlurField = (path: string) => {
    const current = form.getValues(path);
    if (typeof current !== "string" || current === "") return;
    let tidy = current;
    if (path === "patient.nameReading") tidy = toKatakanaReading(current);
    if (path === "patient.phone") tidy = toE164(current, form.getValues("patient.residenceCountry")) ?? current;
    if (tidy !== current) form.setValue(path, tidy, { shouldValidate: true, shouldDirty: true });
  };

  const ctx: FieldContext = {
    values: initial,
    errors,
    register: hydrated ? form.register : undefined,
    siteNames: loaderData.siteNames,
    countries: loaderData.countries,
    onBlurField,
  };

  // Which questions apply depends on answers (indication, sex and age, metastases): this page's over the saved case.
  const current = hydrated ? flatten(form.watch()) : initial;
  const about = mergeSection(
    loaderData.saved,
    answersOf(section, current, { today: loaderData.today, saved: loaderData.saved }),
  );
  const autosaveData = autosave.data?.kind === "autosave" ? autosave.data : undefined;
  const precheck = autosaveData ? autosaveData.precheck : loaderData.precheck;
  const name =
    loaderData.family || loaderData.given ? personName(loaderData.family ?? "", loaderData.given ?? "") : null;

  const fields = sectionFields[section];
  // The summary names each field with its problem; memoised, since a new object would take the focus again.
  const summaryErrors = useMemo(() => {
    const source = summary ?? invalid?.errors;
    if (!source) return undefined;
    return Object.fromEntries(
      Object.entries(source).map(([path, message]) => [
        path,
        t("intake:review.problem", { field: fieldLabel(t, path), message }),
      ]),
    );
  }, [summary, invalid, t]);

  return (
    <div className="intake-layout">
      <div className="intake-layout__main">
        <p className="caption">{name ? t("intake:tasks.captionNamed", { name }) : t("intake:tasks.caption")}</p>
        <h1>{t(`intake:sections.${section}.title`)}</h1>
        <ErrorSummary errors={summaryErrors} />
        {i18n.exists(`intake:sections.${section}.intro`) ? (
          <p className="lead">{t(`intake:sections.${section}.intro`)}</p>
        ) : null}

        <form
          method="post"
          ref={formRef}
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
            <>
              <p>
                {t("intake:consent.printIntro")}{" "}
                {languages.map((l, index) => (
                  <span key={l}>
                    {index ? t("intake:consent.listSeparator") : ""}
                    <a
                      href={`/referrals/${loaderData.id}/consent-notice?lang=${l}`}
                      hrefLang={l}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {t(`intake:consent.printIn.${l}`)}
                    </a>
                    {loaderData.patientLanguage === l ? ` ${t("intake:consent.patientLanguage")}` : ""}
                  </span>
                ))}
              </p>
              {fields
                .filter((field) => field.kind.type === "consent")
                .map((field) => {
                  const consent = field.path.split(".")[1]!;
                  const recipients = loaderData.recipients;
                  return (
                    <section key={field.path} className="consent-block" aria-labelledby={`consent-${consent}`}>
                      <h2 id={`consent-${consent}`}>{t(`intake:consent.${consent}.title`)}</h2>
                      <div className="consent-block__notice" id={`${fieldId(field.path)}-notice`}>
                        {consent === "crossBorder" ? (
                          <p>
                            {recipients.length === 1
                              ? t("intake:consent.crossBorder.notice", {
                                  country: recipients[0]!.country,
                                  hospital: recipients[0]!.hospital,
                                })
                              : t("intake:consent.crossBorder.noticeBoth", {
                                  country1: recipients[0]!.country,
                                  hospital1: recipients[0]!.hospital,
                                  country2: recipients[1]!.country,
                                  hospital2: recipients[1]!.hospital,
                                })}
                          </p>
                        ) : (
                          <p>{t(`intake:consent.${consent}.notice`)}</p>
                        )}
                        <p className="hint">{t(`intake:consent.${consent}.note`)}</p>
                      </div>
                      <IntakeFieldInput field={field} ctx={ctx} />
                      {/* The address goes with the opt-in, asked only once it is given; without script it stays in view. */}
                      {fields
                        .filter(
                          (asked) =>
                            asked.kind.type !== "consent" && catalogueField(asked.path)?.askedIf === field.path,
                        )
                        .map((asked) => (
                          <div
                            key={asked.path}
                            data-field={asked.path}
                            hidden={hydrated && !isAsked(asked.path, about, loaderData.today)}
                          >
                            <IntakeFieldInput field={asked} ctx={ctx} optionalMark={false} />
                          </div>
                        ))}
                    </section>
                  );
                })}
              {loaderData.recordedAt ? (
                <p className="hint">
                  {t("intake:consent.recordedAt", { when: formatInstant(loaderData.recordedAt, lng, timeZone) })}
                </p>
              ) : null}
            </>
          ) : (
            fields.map((field) => {
              const shown = isAsked(field.path, about, loaderData.today);
              return (
                <div key={field.path} data-field={field.path} hidden={!shown}>
                  <IntakeFieldInput field={field} ctx={ctx} />
                  {field.path === "diagnosis.indication" && !hydrated ? (
                    <p>
                      <button
                        type="submit"
                        name="intent"
                        value="refresh"
                        formNoValidate
                        className="button button--secondary"
                      >
                        {t("intake:form.showQuestions")}
                      </button>
                    </p>
                  ) : null}
                </div>
              );
            })
          )}
          <div className="button-row">
            <button type="submit" name="intent" value="continue" className="button">
              {t("intake:form.continue")}
            </button>
            <button type="submit" name="intent" value="save" formNoValidate className="button button--secondary">
              {t("intake:form.saveForLater")}
            </button>
          </div>
          <p className="autosave-status" role="status" data-testid="autosave-status">
            {autosave.state !== "idle"
              ? t("intake:form.saving")
              : autosaveData
                ? t("intake:form.savedAt", { time: formatInstant(autosaveData.savedAt, lng, timeZone, "time") })
                : ""}
          </p>
        </form>
        <p>
          <Link to={`/referrals/${loaderData.id}/edit`}>{t("intake:form.backToTasks")}</Link>
        </p>
      </div>
      <div className="intake-layout__side">
        <PrecheckBanner decision={precheck} siteNames={loaderData.siteNames} busy={autosave.state !== "idle"} />
      </div>
    </div>
  );
}
