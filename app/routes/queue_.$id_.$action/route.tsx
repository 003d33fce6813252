import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClinicalRecord } from "~/components/clinical/clinical-record";
import { CiteRecommendation } from "~/components/joint-review/cite-recommendation";
import { CsrfInput } from "~/components/csrf-input";
import { indicationKey } from "~/components/decision-panel/labels";
import { CheckboxList } from "~/components/forms/checkbox-list";
import { ErrorSummary } from "~/components/forms/error-summary";
import { RadioGroup } from "~/components/forms/radio-group";
import queueStyles from "~/components/queue/queue.css?url";
import { translatorFor } from "~/i18n/i18n.server";
import { formatRecord, signoffFor } from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { letterDecisionOf } from "~/modules/letters/letters.service.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import {
  actionOfSlug,
  actionSchemas,
  actionSlugs,
  declineReasons,
  redirectReasons,
  type FormAction,
} from "~/modules/queue/queue.schema";
import { requireStaff, siteClockOf } from "~/modules/queue/staff.server";
import { actionFormFor } from "~/modules/queue/action-form.server";
import { performStaffAction, referralForStaff, stepsCitingRecommendation } from "~/modules/queue/triage.service.server";
import { recommendationViews } from "~/modules/joint-review/joint-review-view.server";
import { formatInstant } from "~/i18n/datetime";
import { notFound } from "~/utils/not-found.server";
import { dayWarningLines, bookingView } from "~/modules/scheduling/booking-view.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { otherSite } from "~/domain/routing/site-facts";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { formValues, nestValues, translateIssues } from "~/utils/form.server";
import { personName } from "~/i18n/person-name";
import { NoteArea } from "./note-area";
import { ScheduleFields } from "./schedule-fields";

export const handle = { titleKey: "queue:actionPage.title" };
export const links = () => [{ rel: "stylesheet", href: queueStyles }];

type Values = Record<string, string | string[]>;
type ActionAnswer = {
  errors: Record<string, string>;
  formError?: string;
  values: Values;
  warnings?: { date: string; lines: string[] };
};

const listFields = new Set(["documents", "fields"]);

/** The posted form as the action's schema reads it: dates joined from their parts, checkbox groups as lists. */
function readForm(form: FormData): { input: Record<string, unknown>; values: Values } {
  const flat = formValues(form);
  const values: Values = { ...flat };
  const input = nestValues(Object.fromEntries(Object.entries(flat).filter(([k]) => !listFields.has(k))));
  for (const name of listFields) {
    const list = form.getAll(name).filter((v): v is string => typeof v === "string");
    values[name] = list;
    input[name] = list;
  }
  return { input, values };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const staff = await requireStaff(request, now);
  const action = actionOfSlug(params.action);
  if (!action) throw notFound();
  const { lng, t } = translatorFor(request);
  const db = await getDb();
  const page = await actionFormFor(db, staff, params.id ?? "", action, lng, now);
  if (!page) throw notFound();
  // Accept, decline and redirect show the reviewer's clinical decision they act on (and that the letter quotes).
  let clinical = null;
  if (letterDecisionOf[action]) {
    const signoff = await signoffFor(db, staff.siteCode, page.id, action);
    const { timezone } = await siteClockOf(db, staff.siteCode);
    clinical = { ...signoff, record: signoff.record ? formatRecord(signoff.record, lng, timezone) : null };
  }
  // The joint conference's newest recommendation, which this step may follow and cite.
  const [recommendation] = stepsCitingRecommendation.includes(action) ? await recommendationViews(db, page.id) : [];
  const { timezone } = await siteClockOf(db, staff.siteCode);
  return {
    ...page,
    clinical,
    booking: action === "schedule" ? await bookingView(db, staff, page.id, lng, t, new Date()) : null,
    jointRecommendation: recommendation
      ? { ...recommendation, conferenceOn: formatInstant(recommendation.conferenceStartsAt, lng, timezone, "date") }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const action = actionOfSlug(params.action);
  if (!action) throw notFound();
  const { t, lng } = translatorFor(request);
  const db = await getDb();
  const referral = await referralForStaff(db, staff, params.id ?? "");
  if (!referral) throw notFound();
  const form = await request.formData();
  const { input, values } = readForm(form);
  const cites = form.get("citesRecommendation");
  const parsed = actionSchemas[action].safeParse(input);
  if (!parsed.success)
    return data<ActionAnswer>({ errors: translateIssues(parsed.error.issues, t), values }, { status: 400 });
  const result = await performStaffAction(db, staff, referral.id, action, parsed.data as never, {
    now: new Date(),
    ip: clientIp(request),
    portalUrl: new URL(request.url).origin,
    lng,
    citesRecommendation: typeof cites === "string" && cites ? cites : undefined,
  });
  if (result.ok) {
    void kickMailer();
    // A redirect takes the referral out of this site's reach: its page would now be a 404, so the queue confirms it.
    if (action === "redirect") return redirect(`/queue?done=moved&referral=${encodeURIComponent(referral.id)}`);
    return redirect(`/queue/${referral.id}?done=${action}`);
  }
  switch (result.code) {
    case "not_found":
      throw notFound();
    case "invalid_assignee":
      return data<ActionAnswer>(
        { errors: { assigneeId: t("queue:validation.assigneeRequired") }, values },
        { status: 400 },
      );
    case "date_in_past":
      return data<ActionAnswer>({ errors: { date: t("queue:validation.dateInPast") }, values }, { status: 400 });
    case "clinical_decision_required":
    case "clinical_decision_differs":
    case "clinical_decision_changed":
      return data<ActionAnswer>(
        {
          errors: {},
          formError: t(`decisions:signoff.${result.code.replace("clinical_decision_", "")}`, {
            recommendation: result.recommendation ? t(`decisions:recommendations.${result.recommendation}`) : "",
          }),
          values,
        },
        { status: 409 },
      );
    case "time_in_past":
      return data<ActionAnswer>({ errors: { time: t("scheduling:validation.dateInPast") }, values }, { status: 400 });
    case "slot_gone":
      return data<ActionAnswer>({ errors: { slotId: t("scheduling:validation.slotGone") }, values }, { status: 409 });
    case "slot_taken":
      return data<ActionAnswer>(
        {
          errors: {
            [values.slotId && values.slotId !== "other" ? "slotId" : "time"]: t("scheduling:validation.slotTaken"),
          },
          values,
        },
        { status: 409 },
      );
    case "confirm_day":
      // The day the booking falls on (the slot's, or the typed one) is the one the box confirms.
      return data<ActionAnswer>(
        {
          errors: { confirmDay: t("scheduling:validation.confirmDay") },
          values,
          warnings: { date: result.date, lines: dayWarningLines(result.date, result.warnings, lng, t) },
        },
        { status: 400 },
      );
    case "reason_required":
      return data<ActionAnswer>(
        { errors: { reasonCode: t("queue:validation.reasonRequired") }, values },
        { status: 400 },
      );
    case "not_allowed_for_role":
      return data<ActionAnswer>(
        { errors: {}, formError: t("queue:errors.not_allowed_for_role"), values },
        { status: 403 },
      );
    default: {
      const sites = await siteNames(db);
      const other = (otherSite(await siteFacts(db), referral.siteCode)?.code ?? "") as keyof typeof sites;
      return data<ActionAnswer>(
        {
          errors: {},
          formError: t(`queue:errors.${result.code}`, {
            status: t(`queue:status.${result.status ?? referral.status}`),
            site: sites[other]?.[lng] ?? other,
          }),
          values,
        },
        { status: 409 },
      );
    }
  }
}

function ActionFields({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const errors = answer?.errors ?? {};
  const values = answer?.values ?? {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const list = (name: string, fallback: string[]) =>
    Array.isArray(values[name]) ? (values[name] as string[]) : fallback;
  switch (action) {
    case "assign":
      return (
        <RadioGroup
          name="assigneeId"
          legend={t("queue:actionPage.assignee")}
          options={page.staff.map((p) => ({
            value: p.id,
            label: `${personName(p.familyName, p.givenName)} (${t(`roles.${p.role}`)})`,
          }))}
          defaultValue={text("assigneeId") ?? page.assigneeId ?? undefined}
          error={errors.assigneeId}
        />
      );
    case "request_info":
      return (
        <>
          <CheckboxList
            name="documents"
            legend={t("queue:actionPage.documents")}
            hint={t("queue:actionPage.documentsHint")}
            options={page.documents.map((d) => ({
              value: d.id,
              label: t(`intake:documents.items.${d.id}`),
              hint: d.provided ? t("queue:actionPage.provided") : undefined,
            }))}
            checked={list(
              "documents",
              page.documents.filter((d) => d.missing).map((d) => d.id),
            )}
            error={errors.documents}
          />
          <CheckboxList
            name="fields"
            legend={t("queue:actionPage.missingFields")}
            hint={
              page.missingFields.length
                ? t("queue:actionPage.missingFieldsHint")
                : t("queue:actionPage.noMissingFields")
            }
            options={page.missingFields.map((path) => ({ value: path, label: t(`screen:fields.${path}`) }))}
            checked={list("fields", page.missingFields)}
          />
          <details>
            <summary>{t("queue:actionPage.otherFields")}</summary>
            <CheckboxList
              name="fields"
              idName="otherFields"
              legend={t("queue:actionPage.otherFieldsLegend")}
              options={page.otherFields.map((path) => ({ value: path, label: t(`screen:fields.${path}`) }))}
              checked={list("fields", [])}
            />
          </details>
          <NoteArea
            name="message"
            label={t("queue:actionPage.message")}
            hint={t("queue:actionPage.messageHint")}
            error={errors.message}
            defaultValue={text("message")}
          />
          <p className="notice">{t("queue:actionPage.clockPauses")}</p>
        </>
      );
    case "decline":
    case "redirect": {
      const reasons = action === "decline" ? declineReasons : redirectReasons;
      // The reviewer's reason, when their decision is this action: the coordinator starts from it.
      const fromRecord = page.clinical?.agrees ? (page.clinical.record?.reasonCode ?? undefined) : undefined;
      const book = action === "decline" ? "declineReasons" : "redirectReasons";
      return (
        <>
          <RadioGroup
            name="reasonCode"
            legend={t("queue:actionPage.reason")}
            options={reasons.map((code) => ({ value: code, label: t(`queue:${book}.${code}`) }))}
            defaultValue={text("reasonCode") ?? fromRecord}
            hint={fromRecord ? t("decisions:signoff.reasonFromRecord") : undefined}
            error={errors.reasonCode}
          />
          <NoteArea
            name="note"
            label={t("queue:actionPage.reasonText")}
            hint={t(action === "decline" ? "queue:actionPage.declineTextHint" : "queue:actionPage.redirectTextHint")}
            error={errors.note}
            defaultValue={text("note")}
          />
        </>
      );
    }
    case "schedule":
      return page.booking ? (
        <ScheduleFields
          booking={page.booking}
          errors={errors}
          text={text}
          warnings={answer?.warnings}
          siteName={page.siteName}
          interpreterHintQst={page.interpreterHint}
        />
      ) : null;
    default:
      return (
        <NoteArea
          name="note"
          label={t("queue:actionPage.note")}
          hint={t("queue:actionPage.noteHint")}
          error={errors.note}
          defaultValue={text("note")}
        />
      );
  }
}

export default function StaffAction() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const action = page.action;
  const patient = personName(page.patient.familyName, page.patient.givenName);
  return (
    <div className="form">
      <p>
        <Link to={`/queue/${page.id}`}>{t("queue:actionPage.back", { code: page.referenceCode })}</Link>
      </p>
      <h1>{t(`queue:actionPage.headings.${action}`)}</h1>
      <ErrorSummary errors={answer?.errors} formError={answer?.formError} />
      <dl className="referral-head">
        <div>
          <dt>{t("queue:columns.code")}</dt>
          <dd>{page.referenceCode}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.patient")}</dt>
          <dd>{patient}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.status")}</dt>
          <dd>{t(`queue:status.${page.status}`)}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.indication")}</dt>
          <dd>{page.indication ? t(indicationKey(page.indication)) : null}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.screen")}</dt>
          <dd>{page.outcome ? t(`screen:outcomes.${page.outcome}.label`) : null}</dd>
        </div>
      </dl>
      {!page.available ? (
        <div className="banner banner--warning" data-testid="not-available">
          <p>{t("queue:errors.illegal_transition", { status: t(`queue:status.${page.status}`) })}</p>
        </div>
      ) : (
        <>
          <p>{t(`queue:actionPage.intro.${action}`, { site: page.redirectTo?.site ?? page.siteName })}</p>
          {page.override ? (
            <div className="banner banner--warning" data-testid="override-warning">
              <p>
                <span className="tag tag--override">{t("queue:override.tag")}</span>{" "}
                {t(action === "accept" ? "queue:override.warnAccept" : "queue:override.warnDecline")}
              </p>
            </div>
          ) : null}
          {page.clinical && !page.clinical.check.ok ? (
            <div className="banner banner--warning" data-testid="signoff-warning">
              <p>
                {t(`decisions:signoff.${page.clinical.check.code.replace("clinical_decision_", "")}`, {
                  recommendation: page.clinical.record
                    ? t(`decisions:recommendations.${page.clinical.record.recommendation}`)
                    : "",
                })}
              </p>
            </div>
          ) : null}
          {page.clinical?.record ? (
            <section aria-labelledby="signoff-heading" data-testid="signoff-record">
              <h2 id="signoff-heading">{t("decisions:signoff.heading")}</h2>
              {page.clinical.agrees ? <p>{t("decisions:signoff.uses")}</p> : null}
              <ClinicalRecord record={page.clinical.record} />
            </section>
          ) : null}
          {page.redirectTo && page.redirectTo.crossesBorder && !page.redirectTo.consent ? (
            <div className="banner banner--warning" data-testid="consent-warning">
              <p>{t("queue:errors.no_cross_border_consent", { site: page.redirectTo.site })}</p>
            </div>
          ) : null}
          <Form method="post" data-form={`action-${actionSlugs[action]}`} noValidate>
            <CsrfInput />
            {page.jointRecommendation ? (
              <CiteRecommendation
                recommendation={page.jointRecommendation}
                cited={answer ? answer.values.citesRecommendation === page.jointRecommendation.id : true}
              />
            ) : null}
            <ActionFields action={action} />
            <div className="button-row">
              <button type="submit" className={`button${action === "decline" ? " button--warning" : ""}`}>
                {t(`queue:actionPage.submit.${action}`)}
              </button>
              <Link to={`/queue/${page.id}`}>{t("queue:actionPage.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
