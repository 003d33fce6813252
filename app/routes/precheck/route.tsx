import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { ErrorSummary } from "~/components/forms/error-summary";
import { toDecisionJson, type DecisionJson } from "~/domain/screen";
import { intlLocale } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { countryOptions } from "~/modules/screening/countries";
import { applyRowIntent, parseRowIntent } from "~/components/forms/repeatable-rows";
import {
  isIndication,
  parsePrecheck,
  precheckFacts,
  precheckFields,
  relevantPaths,
} from "~/modules/screening/precheck-form";
import { precheckLimiter } from "~/modules/screening/screen-door.server";
import { screenCase } from "~/modules/screening/screening.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { formValues, type FormValues } from "~/utils/form.server";
import { PrecheckFields } from "./fields";
import { isoDateIn } from "~/i18n/datetime";
import { PORTAL_TIME_ZONE } from "~/domain/routing/site-facts";

export const handle = { titleKey: "precheck:pageTitle" };
export const links = () => [{ rel: "stylesheet", href: panelStylesUrl }];
// A page that shows clinical answers is never kept by a cache along the way.
export const headers = () => ({ "Cache-Control": "no-store" });

// "Today" for a referral date is the portal's one date (ADR 0024): the pre-check answers as intake would.

/** Anyone may use the pre-check: no sign-in, no patient identity, nothing stored. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { lng } = translatorFor(request);
  return {
    today: isoDateIn(PORTAL_TIME_ZONE, new Date()),
    siteNames: await siteNames(await getDb()),
    // Named on the server so the browser's Intl cannot word them differently and break hydration.
    countries: countryOptions(intlLocale[lng]),
  };
}

/** `screen`: the submit button (errors summarised); `live`: recomputing as fields change; `indication`: show its questions. */
type Intent = "screen" | "live" | "indication";

export type PrecheckAnswer = {
  intent: Intent;
  values: FormValues;
  errors: Record<string, string>;
  formError?: string;
  decision: DecisionJson | null;
  /** After "add another" or "remove": the element to focus. */
  focus?: string;
};

const listFields = precheckFields.filter((f) => f.kind.type === "list");

export async function action({ request }: ActionFunctionArgs) {
  const { t } = translatorFor(request, ["precheck", "screen"]);
  const formData = await request.formData();
  const rawIntent = formData.get("intent");
  const intent: Intent = rawIntent === "live" || rawIntent === "indication" ? rawIntent : "screen";
  let values = formValues(formData);
  let focus: string | undefined;
  const rowIntent = parseRowIntent(
    rawIntent,
    listFields.map((f) => f.path),
  );
  if (rowIntent) {
    // "Add another" / "remove" post the page (with or without JavaScript); what was typed comes back, rows changed.
    const kind = listFields.find((f) => f.path === rowIntent.list)!.kind as Extract<
      (typeof listFields)[number]["kind"],
      { type: "list" }
    >;
    ({ values, focus } = applyRowIntent(values, rowIntent, kind.item[0]!.key, kind.max));
  }
  const answer = (fields: Partial<PrecheckAnswer>, status = 200) =>
    data<PrecheckAnswer>(
      { intent, values, errors: {}, decision: null, ...(focus ? { focus } : {}), ...fields },
      { status },
    );

  const verdict = precheckLimiter.hit(clientIp(request) ?? "unknown", Date.now());
  if (!verdict.ok)
    return answer({ formError: t("precheck:result.rateLimited", { seconds: verdict.retryAfterSeconds }) }, 429);

  const parsed = parsePrecheck(values, isoDateIn(PORTAL_TIME_ZONE, new Date()));
  if (!parsed.ok) {
    // While the physician is still choosing, an empty form is not an error.
    const indicationChosen = isIndication(values["diagnosis.indication"]);
    if ((intent !== "screen" || rowIntent) && !indicationChosen) return answer({});
    if (rowIntent) return answer({});
    const errors: Record<string, string> = {};
    for (const issue of parsed.issues) errors[issue.path] ??= t(issue.messageKey, issue.params ?? {});
    return answer({ errors }, intent === "screen" ? 400 : 200);
  }
  const record = await screenCase(await getDb(), parsed.case);
  return answer({ decision: toDecisionJson(record.decision) });
}

const LIVE_DELAY_MS = 300;

/** The form's fields as posted (the same map the action reads). */
function formValuesOf(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const [name, value] of formData) if (typeof value === "string") out[name] = value;
  return out;
}

export default function Precheck() {
  const { t } = useTranslation();
  const { today, siteNames: names, countries } = useLoaderData<typeof loader>();
  // Without JavaScript the form posts the page itself (actionData); with it, a fetcher posts in the background.
  const posted = useActionData<PrecheckAnswer>();
  const fetcher = useFetcher<PrecheckAnswer>();
  const result = fetcher.data ?? posted;
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [hydrated, setHydrated] = useState(false);
  const [facts, setFacts] = useState(() => precheckFacts(posted?.values ?? {}));

  useEffect(() => {
    setHydrated(true);
    // After "add another" (a full page post) the new row's first field takes the focus.
    if (posted?.focus) document.getElementById(posted.focus)?.focus();
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the page the post returned
  }, []);

  const send = (intent: Intent) => {
    const form = formRef.current;
    if (!form) return;
    const formData = new FormData(form);
    formData.set("intent", intent);
    fetcher.submit(formData, { method: "post" });
  };

  const onChange = () => {
    // Which questions apply follows the answers (indication, sex, metastasis to the liver).
    if (formRef.current) setFacts(precheckFacts(formValuesOf(new FormData(formRef.current))));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => send("live"), LIVE_DELAY_MS);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // A row added or removed posts the page itself, as without JavaScript (the form is rebuilt with the new rows).
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (
      submitter &&
      parseRowIntent(
        submitter.value,
        listFields.map((f) => f.path),
      )
    )
      return;
    event.preventDefault();
    clearTimeout(timer.current);
    send("screen");
  };

  const errors = result?.errors ?? {};
  const summaryErrors = result?.intent === "screen" ? errors : {};
  const decision = result?.decision ?? null;
  const relevant = relevantPaths(facts, today);
  const busy = fetcher.state !== "idle";
  const outcomeLabel = decision ? t(`screen:outcomes.${decision.outcome}.label`) : "";

  return (
    <>
      <h1>{t("precheck:heading")}</h1>
      <p className="lead">{t("precheck:lead")}</p>
      <p className="precheck__privacy">{t("precheck:privacy")}</p>

      {posted?.decision ? (
        <div className="precheck__jump">
          <p>{t("precheck:result.atTop", { outcome: t(`screen:outcomes.${posted.decision.outcome}.label`) })}</p>
          <p>
            <a href="#decision">{t("precheck:result.jump")}</a>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors} formError={result?.formError} />

      <div className="precheck">
        <div className="precheck__form">
          <form
            method="post"
            ref={formRef}
            onChange={onChange}
            onSubmit={onSubmit}
            noValidate
            data-form="precheck"
            data-hydrated={hydrated ? "true" : undefined}
            className="form"
          >
            <CsrfInput />
            {/* Enter in a field submits with the first submit button: the screen, never a row's "remove". */}
            <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
            <PrecheckFields
              values={posted?.values}
              errors={errors}
              relevant={relevant}
              today={today}
              countries={countries}
              siteNames={names}
              onIndicationChange={(indication) =>
                setFacts((f) => ({ ...f, indication: isIndication(indication) ? indication : null }))
              }
              showIndicationButton={!hydrated}
            />
            <div className="button-row">
              <button type="submit" name="intent" value="screen" className="button">
                {t("precheck:actions.submit")}
              </button>
              <a href="/precheck">{t("precheck:actions.reset")}</a>
            </div>
          </form>
        </div>

        {hydrated && decision ? (
          // On a narrow screen the result sits below a long form: this bar keeps the outcome in sight while typing.
          <div className="precheck__bar">
            <span className={`precheck__bar-outcome precheck__bar-outcome--${decision.outcome}`}>
              {t("precheck:result.atTop", { outcome: outcomeLabel })}
            </span>{" "}
            <a href="#decision">{t("precheck:result.jump")}</a>
          </div>
        ) : null}

        <div className="precheck__result" id="result">
          {/* Announces a new outcome once; "updating" is conveyed by aria-busy on the panel, not read aloud per keystroke. */}
          <p role="status" className="visually-hidden">
            {decision ? t("precheck:result.updated", { outcome: outcomeLabel }) : ""}
          </p>
          {decision ? (
            <DecisionPanel decision={decision} siteNames={names} busy={busy} />
          ) : (
            <section className="precheck__placeholder" aria-labelledby="decision-placeholder">
              <h2 id="decision-placeholder">{t("screen:labels.outcome")}</h2>
              <p>{Object.keys(errors).length ? t("precheck:result.invalid") : t("precheck:result.empty")}</p>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
