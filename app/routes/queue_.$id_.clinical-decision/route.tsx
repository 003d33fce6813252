import { personName } from "~/i18n/person-name";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClinicalRecord } from "~/components/clinical/clinical-record";
import queueStyles from "~/components/queue/queue.css?url";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { languageAutonyms } from "~/i18n/config";
import { clinicalDecisionSchema } from "~/modules/clinical-decisions/clinical-decision.schema";
import {
  clinicalDecisionForm,
  formatRecord,
  recordClinicalDecision,
} from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { siteClockOf } from "~/modules/queue/staff.server";
import { staffRecord } from "~/modules/queue/staff-record.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import { ClinicalDecisionForm } from "./clinical-decision-form";
import styles from "./clinical-decision.css?url";

export const handle = { titleKey: "decisions:form.pageTitle" };
export const links = () => [
  { rel: "stylesheet", href: queueStyles },
  { rel: "stylesheet", href: styles },
];

type ActionAnswer = { errors: Record<string, string>; formError?: string; values: FormValues };

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Another site's referral, or none: the same empty 404 for the page and its .data.
  const { staff, lng, db, record: form } = await staffRecord(request, params.id, clinicalDecisionForm);
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
  const { staff, t, db, id } = await staffRecord(request, params.id, clinicalDecisionForm);
  const parsed = validateForm(clinicalDecisionSchema, await request.formData(), t);
  if (!parsed.ok) return data<ActionAnswer>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await recordClinicalDecision(db, staff, id, parsed.data, { now: new Date(), ip: clientIp(request) });
  if (result.ok) return redirect(`/queue/${id}?done=clinical_decision#clinical-heading`);
  // A refusal says why above the form, and keeps what was typed.
  const refuse = (formError: string, status: number) =>
    data<ActionAnswer>({ errors: {}, formError, values: parsed.values }, { status });
  switch (result.code) {
    case "not_found":
      throw notFound();
    case "not_reviewer":
      return refuse(t("decisions:form.notReviewer"), 403);
    case "not_open": {
      const status = (await clinicalDecisionForm(db, staff, id))?.referral.status ?? "closed";
      return refuse(t("decisions:form.notOpen", { status: t(`queue:status.${status}`) }), 409);
    }
  }
}

export default function ClinicalDecisionPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const typed = answer?.values;
  const previous = page.current;
  // After a refused post, what was typed; otherwise the decision in force, so recording again starts from it.
  const value = (name: string, fallback?: string | null) => (typed ? typed[name] : (fallback ?? undefined));
  return (
    <div className="form">
      <StaffPageHeader
        back={{ to: `/queue/${page.id}`, text: t("decisions:form.back", { code: page.referenceCode }) }}
        heading={t("decisions:form.heading", { code: page.referenceCode })}
        errors={answer?.errors ?? {}}
        formError={answer?.formError}
        facts={[
          {
            key: "patient",
            label: t("queue:columns.patient"),
            value: personName(page.patient.familyName, page.patient.givenName),
          },
          { key: "status", label: t("queue:columns.status"), value: t(`queue:status.${page.status}`) },
        ]}
      />
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
          <ClinicalDecisionForm id={page.id} previous={previous} errors={answer?.errors ?? {}} value={value} />
        </>
      )}
    </div>
  );
}
