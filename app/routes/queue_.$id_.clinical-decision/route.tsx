import { personName } from "~/i18n/person-name";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClinicalRecord } from "~/components/clinical/clinical-record";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { RadioGroup } from "~/components/forms/radio-group";
import { TextAreaField } from "~/components/forms/text-area-field";
import queueStyles from "~/components/queue/queue.css?url";
import { approaches, recommendations } from "~/domain/clinical-decision/clinical-decision";
import { languageAutonyms } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import {
  clinicalDecisionSchema,
  DETAIL_MAX,
  RATIONALE_MAX,
} from "~/modules/clinical-decisions/clinical-decision.schema";
import {
  clinicalDecisionForm,
  formatRecord,
  recordClinicalDecision,
} from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { declineReasons, redirectReasons } from "~/modules/queue/queue.schema";
import { requireStaff, siteClockOf } from "~/modules/queue/staff.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import styles from "./clinical-decision.css?url";

export const handle = { titleKey: "decisions:form.pageTitle" };
export const links = () => [
  { rel: "stylesheet", href: queueStyles },
  { rel: "stylesheet", href: styles },
];

type ActionAnswer = { errors: Record<string, string>; formError?: string; values: FormValues };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const { lng } = translatorFor(request);
  const db = await getDb();
  const form = await clinicalDecisionForm(db, staff, params.id ?? "");
  // Another site's referral, or none: the same empty 404 for the page and its .data.
  if (!form) throw notFound();
  const { referral, panel } = form;
  const site = await siteClockOf(db, staff.siteCode);
  return {
    id: referral.id,
    referenceCode: referral.referenceCode ?? "",
    patient: { familyName: referral.patient.familyName ?? "", givenName: referral.patient.givenName ?? "" },
    status: referral.status,
    canRecord: panel.canRecord,
    viewerIsReviewer: panel.viewerIsReviewer,
    current: panel.current ? formatRecord(panel.current, lng, site.timezone) : null,
    physicianLanguage: form.physicianLanguage,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const { t } = translatorFor(request);
  const db = await getDb();
  const id = params.id ?? "";
  if (!(await clinicalDecisionForm(db, staff, id))) throw notFound();
  const parsed = validateForm(clinicalDecisionSchema, await request.formData(), t);
  if (!parsed.ok) return data<ActionAnswer>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await recordClinicalDecision(db, staff, id, parsed.data, { now: new Date(), ip: clientIp(request) });
  if (result.ok) return redirect(`/queue/${id}?done=clinical_decision#clinical-heading`);
  switch (result.code) {
    case "not_found":
      throw notFound();
    case "not_reviewer":
      return data<ActionAnswer>(
        { errors: {}, formError: t("decisions:form.notReviewer"), values: parsed.values },
        { status: 403 },
      );
    case "not_open": {
      const status = (await clinicalDecisionForm(db, staff, id))?.referral.status ?? "closed";
      return data<ActionAnswer>(
        {
          errors: {},
          formError: t("decisions:form.notOpen", { status: t(`queue:status.${status}`) }),
          values: parsed.values,
        },
        { status: 409 },
      );
    }
  }
}

export default function ClinicalDecisionPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const errors = answer?.errors ?? {};
  const typed = answer?.values;
  const previous = page.current;
  // After a refused post, what was typed; otherwise the decision in force, so recording again starts from it.
  const value = (name: string, fallback?: string | null) => (typed ? typed[name] : (fallback ?? undefined));
  return (
    <div className="form">
      <p>
        <Link to={`/queue/${page.id}`}>{t("decisions:form.back", { code: page.referenceCode })}</Link>
      </p>
      <h1>{t("decisions:form.heading", { code: page.referenceCode })}</h1>
      <ErrorSummary errors={errors} formError={answer?.formError} />
      <dl className="referral-head">
        <div>
          <dt>{t("queue:columns.patient")}</dt>
          <dd>{personName(page.patient.familyName, page.patient.givenName)}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.status")}</dt>
          <dd>{t(`queue:status.${page.status}`)}</dd>
        </div>
      </dl>
      {previous ? (
        <section aria-labelledby="current-heading">
          <h2 id="current-heading">{t("decisions:panel.heading")}</h2>
          <ClinicalRecord record={previous} />
        </section>
      ) : null}
      {!page.canRecord ? (
        <div className="banner banner--warning" data-testid="cannot-record">
          <p>
            {page.viewerIsReviewer
              ? t("decisions:form.notOpen", { status: t(`queue:status.${page.status}`) })
              : t("decisions:form.notReviewer")}
          </p>
        </div>
      ) : (
        <>
          <p>{t("decisions:form.intro")}</p>
          <p className="notice">
            {t("decisions:form.letterLanguage", { language: languageAutonyms[page.physicianLanguage] })}
          </p>
          <Form method="post" className="clinical-form" data-form="clinical-decision" noValidate>
            <CsrfInput />
            <RadioGroup
              name="recommendation"
              legend={t("decisions:form.recommendation")}
              options={recommendations.map((code) => ({ value: code, label: t(`decisions:recommendations.${code}`) }))}
              defaultValue={value("recommendation", previous?.recommendation)}
              error={errors.recommendation}
            />
            <div className="for-accept">
              <RadioGroup
                name="approach"
                legend={t("decisions:form.approach")}
                options={approaches.map((code) => ({ value: code, label: t(`decisions:approaches.${code}`) }))}
                defaultValue={value("approach", previous?.approach)}
                error={errors.approach}
              />
              <TextAreaField
                name="approachDetail"
                label={t("decisions:form.approachDetail")}
                hint={t("decisions:form.approachDetailHint")}
                error={errors.approachDetail}
                defaultValue={value("approachDetail", previous?.approachDetail)}
                rows={2}
                maxLength={DETAIL_MAX}
              />
            </div>
            <div className="for-decline">
              <RadioGroup
                name="declineReason"
                legend={t("decisions:form.declineReason")}
                options={declineReasons.map((code) => ({ value: code, label: t(`queue:declineReasons.${code}`) }))}
                defaultValue={value(
                  "declineReason",
                  previous?.recommendation === "decline" ? previous.reasonCode : null,
                )}
                error={errors.declineReason}
              />
            </div>
            <div className="for-redirect">
              <RadioGroup
                name="redirectReason"
                legend={t("decisions:form.redirectReason")}
                options={redirectReasons.map((code) => ({ value: code, label: t(`queue:redirectReasons.${code}`) }))}
                defaultValue={value(
                  "redirectReason",
                  previous?.recommendation === "redirect" ? previous.reasonCode : null,
                )}
                error={errors.redirectReason}
              />
            </div>
            <TextAreaField
              name="rationale"
              label={t("decisions:form.rationale")}
              hint={t("decisions:form.rationaleHint")}
              error={errors.rationale}
              defaultValue={value("rationale", previous?.rationale)}
              rows={6}
              maxLength={RATIONALE_MAX}
            />
            <TextAreaField
              name="alternatives"
              label={t("decisions:form.alternatives")}
              hint={t("decisions:form.alternativesHint")}
              error={errors.alternatives}
              defaultValue={value("alternatives", previous?.alternatives)}
              rows={3}
              maxLength={RATIONALE_MAX}
            />
            <div className="button-row">
              <button type="submit" className="button">
                {t("decisions:form.submit")}
              </button>
              <Link to={`/queue/${page.id}`}>{t("decisions:form.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
