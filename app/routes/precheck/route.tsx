import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { ErrorSummary } from "~/components/forms/error-summary";
import { toDecisionJson } from "~/domain/screen";
import { intlLocale } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { countryOptions } from "~/modules/screening/countries";
import { applyRowIntent, parseRowIntent } from "~/components/forms/repeatable-rows";
import { isIndication, parsePrecheck, relevantPaths } from "~/modules/screening/precheck-form";
import { precheckLimiter } from "~/modules/screening/screen-door.server";
import { screenCase } from "~/modules/screening/screening.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { formValues } from "~/utils/form.server";
import { listFields, type Intent, type PrecheckAnswer } from "./answer";
import { PrecheckFields } from "./fields";
import { PrecheckResult } from "./result";
import { usePrecheckForm } from "./use-precheck-form";
import { isoDateIn } from "~/i18n/format";
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

export default function Precheck() {
  const { t } = useTranslation();
  const { today, siteNames: names, countries } = useLoaderData<typeof loader>();
  // Without JavaScript the form posts the page itself (actionData); with it, a fetcher posts in the background.
  const posted = useActionData<PrecheckAnswer>();
  const { fetcher, formRef, hydrated, facts, onChange, onSubmit, onIndicationChange } = usePrecheckForm(posted);
  const result = fetcher.data ?? posted;
  const errors = result?.errors ?? {};
  const summaryErrors = result?.intent === "screen" ? errors : {};

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
              relevant={relevantPaths(facts, today)}
              today={today}
              countries={countries}
              siteNames={names}
              onIndicationChange={onIndicationChange}
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
        <PrecheckResult
          decision={result?.decision ?? null}
          hydrated={hydrated}
          invalid={Object.keys(errors).length > 0}
          siteNames={names}
          busy={fetcher.state !== "idle"}
        />
      </div>
    </>
  );
}
