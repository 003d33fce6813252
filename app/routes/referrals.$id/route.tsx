import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { ErrorSummary, fieldId } from "~/components/forms/error-summary";
import { FieldError } from "~/components/forms/field-parts";
import { TextAreaField } from "~/components/forms/text-area-field";
import { AttachmentList } from "~/components/intake/attachment-list";
import { FhirDownload } from "~/components/fhir/fhir-download";
import { ConsultationPanel } from "~/components/scheduling/consultation-panel";
import { CaseSummary } from "~/components/intake/case-summary";
import { ChecklistView } from "~/components/intake/checklist-view";
import { DecisionLinks } from "~/components/letters/decision-links";
import { History, useDateTime } from "~/components/intake/history";
import { AnswerRequestForm } from "~/components/intake/answer-request-form.lazy";
import { TeamDecisionPanel } from "~/components/intake/team-decision";
import { RecommendationList } from "~/components/joint-review/recommendation-list";
import { formatInstant } from "~/i18n/datetime";
import { recommendationViews } from "~/modules/joint-review/joint-review-view.server";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { UploadForm, type UploadAnswer } from "~/components/intake/upload-form";
import { availableActions } from "~/domain/workflow/transitions";
import type { ReferralStatus } from "~/domain/workflow/states";
import { intlLocale, isLanguage } from "~/i18n/config";
import { tFor, translatorFor } from "~/i18n/i18n.server";
import { receiveUploads, uploadAnswer, uploadLimits } from "~/modules/intake/attachments.service.server";
import { checklistFor } from "~/modules/intake/checklist";
import { messagesForPhysician, sendPhysicianMessage } from "~/modules/intake/messages.service.server";
import { requireOwnReferral } from "~/modules/intake/guards.server";
import { fieldAt, formValuesOf, getPath, isIndication, type FlatValues } from "~/modules/intake/intake-form";
import { withdrawReasons } from "~/modules/intake/withdraw-reasons";
import { answerRequest, referralDetail, referralToday, withdrawReferral } from "~/modules/intake/intake.service.server";
import { teamDecisionOf } from "~/modules/intake/team-decision";
import { decisionLinks } from "~/modules/intake/refer-again.service.server";
import { consultationView } from "~/modules/scheduling/consultation-view.server";
import { countryOptions } from "~/modules/screening/countries";
import { siteNames } from "~/modules/sites/sites.service.server";
import { readerTimeZone, siteFacts } from "~/modules/sites/site-facts.server";
import { siteTimeZone } from "~/domain/routing/site-facts";
import { clientIp } from "~/utils/client-ip.server";
import { csrfHeaderName, isMultipart } from "~/utils/csrf.server";
import { formValues } from "~/utils/form.server";
import { personName } from "~/i18n/person-name";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { TeamTravelChecklist } from "~/components/travel/team-travel-checklist";
import travelStyles from "~/components/travel/travel.css?url";
import { teamChecklist } from "~/modules/travel-checklist/team-checklist.server";
import { regionNames } from "~/i18n/intl-cache";

// `csrf`: the no-JavaScript upload form posts a multipart body whose first part (the token) the action checks itself.
export const handle = { titleKey: "intake:referral.pageTitle", csrf: "multipart-first-part" };
export const links = () => [
  { rel: "stylesheet", href: panelStylesUrl },
  { rel: "stylesheet", href: intakeStylesUrl },
  { rel: "stylesheet", href: travelStyles },
];

const notices = ["answered", "messaged"] as const;

/** The patient's country of residence named on the server (hydration-safe). */
function countryNamesOf(caseData: Record<string, unknown>, lng: keyof typeof intlLocale): Record<string, string> {
  const residence = getPath(caseData, "patient.residenceCountry");
  if (typeof residence !== "string" || !/^[A-Z]{2}$/.test(residence)) return {};
  return { [residence]: regionNames(intlLocale[lng]).of(residence) ?? residence };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, referral } = await requireOwnReferral(request, params.id);
  if (referral.status === "draft") throw redirect(`/referrals/${referral.id}/edit`);
  const { lng } = translatorFor(request);
  const detail = await referralDetail(db, { user, referral, now: new Date(), ip: clientIp(request) });
  const requestedFields = (detail.request?.fields ?? []).filter((path) => fieldAt(path));
  const indication = getPath(detail.caseData, "diagnosis.indication");
  const done = new URL(request.url).searchParams.get("done");
  // The referral's dates (its conferences) are its receiving site's.
  const siteZone = siteTimeZone(await siteFacts(db), referral.siteCode);
  return {
    id: referral.id,
    code: referral.referenceCode,
    status: referral.status as ReferralStatus,
    site: referral.siteCode,
    urgency: referral.urgency,
    submittedAt: referral.submittedAt,
    changedAt: referral.statusChangedAt,
    family: referral.patient.familyName,
    given: referral.patient.givenName,
    // Privacy rule 5 (ADR 0025): a purged referral says so where the patient's name stood.
    purgedOn: referral.purgedAt ? formatInstant(referral.purgedAt, lng, siteZone, "date") : null,
    indication: referral.indication,
    decision: detail.decision,
    teamDecision: teamDecisionOf(detail.history),
    screens: detail.screens,
    history: detail.history,
    attachments: detail.attachments,
    checklist: checklistFor(
      isIndication(indication) ? indication : null,
      detail.attachments.map((a) => a.kind),
    ),
    request: detail.request,
    requestedFields,
    requestedValues: formValuesOf(
      detail.caseData,
      requestedFields.map((p) => fieldAt(p)!),
    ),
    canWithdraw: availableActions(referral.status as ReferralStatus, "physician").includes("withdraw"),
    countries: requestedFields.includes("patient.residenceCountry") ? countryOptions(intlLocale[lng]) : [],
    siteNames: await siteNames(db),
    // The joint conferences' final recommendations (the referring physician was told of each by mail).
    jointRecommendations: (await recommendationViews(db, referral.id))
      .filter((r) => r.final)
      .map((r) => ({ ...r, conferenceOn: formatInstant(r.conferenceStartsAt, lng, siteZone, "date") })),
    maxFileMb: Math.floor(uploadLimits().maxFileBytes / (1024 * 1024)),
    notice: (notices as readonly string[]).includes(done ?? "") ? done : null,
    messages: await messagesForPhysician(db, referral.id),
    decisionLinks: await decisionLinks(db, referral),
    consultation: await consultationView(db, referral, await siteNames(db), lng, tFor(lng, ["scheduling", "status"])),
    // The case as sent, in the words the staff page uses (components/case-view/case-words.ts).
    caseData: detail.caseData,
    caseDate: typeof detail.caseData.referredOn === "string" ? detail.caseData.referredOn : referralToday(new Date()),
    countryNames: countryNamesOf(detail.caseData, lng),
    // The cross-border checklist, read only: the receiving site's staff tick it (docs/decisions/0023).
    travel: await teamChecklist(db, referral, lng, await readerTimeZone(db, user)),
  };
}

type Answer =
  | { form: "upload"; upload: UploadAnswer }
  | { form: "answer"; errors: Record<string, string>; values: FlatValues; reply: string }
  | { form: "withdraw"; errors: Record<string, string>; reasonCode: string; note: string }
  | { form: "message"; errors: Record<string, string>; message: string }
  | { form: "closed" };

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, referral } = await requireOwnReferral(request, params.id);
  const now = new Date();
  const ip = clientIp(request);
  if (isMultipart(request)) {
    const result = await receiveUploads(db, {
      user,
      referralId: referral.id,
      request,
      now,
      ip,
      csrfInFirstPart: !request.headers.has(csrfHeaderName),
    });
    if (!result.ok && result.status === 403) throw new Response(null, { status: 403 });
    return data<Answer>({ form: "upload", upload: uploadAnswer(result) }, { status: result.ok ? 200 : result.status });
  }
  const { t } = translatorFor(request, ["intake", "screen"]);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const translate = (issues: { path: string; key: string; params?: Record<string, unknown> }[]) => {
    const errors: Record<string, string> = {};
    for (const issue of issues) errors[issue.path] ??= t(issue.key, issue.params ?? {});
    return errors;
  };

  if (intent === "answer") {
    const values = formValues(formData);
    delete values.reply;
    const reply = text("reply");
    const result = await answerRequest(db, { user, referral, values, reply, now, ip });
    // The patient who opted in is told their referral is back with the team (queued with the step; sent now).
    if (result.ok) {
      void kickMailer();
      return redirect(`/referrals/${referral.id}?done=answered`);
    }
    if (result.code === "not_waiting") return data<Answer>({ form: "closed" }, { status: 409 });
    return data<Answer>({ form: "answer", errors: translate(result.issues), values, reply }, { status: 400 });
  }
  if (intent === "message") {
    const message = text("message");
    const result = await sendPhysicianMessage(db, { user, referral, body: message, now, ip });
    if (result.ok) return redirect(`/referrals/${referral.id}?done=messaged#messages-title`);
    return data<Answer>({ form: "message", errors: translate(result.issues), message }, { status: 400 });
  }
  if (intent === "withdraw") {
    const reasonCode = text("reasonCode");
    const note = text("note");
    const result = await withdrawReferral(db, { user, referral, reasonCode, note, now, ip });
    if (result.ok) {
      void kickMailer();
      return redirect("/referrals?done=withdrawn");
    }
    if ("code" in result) return data<Answer>({ form: "closed" }, { status: 409 });
    return data<Answer>({ form: "withdraw", errors: translate(result.issues), reasonCode, note }, { status: 400 });
  }
  throw new Response(null, { status: 400 });
}

export default function ReferralPage() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const d = useLoaderData<typeof loader>();
  const posted = useActionData<Answer>();
  const when = useDateTime();
  const answer = posted?.form === "answer" ? posted : undefined;
  const withdraw = posted?.form === "withdraw" ? posted : undefined;
  const site = d.site ? (d.siteNames[d.site as keyof typeof d.siteNames]?.[lng] ?? d.site) : null;
  const name = d.purgedOn
    ? t("security:retention.purgedNotice", { date: d.purgedOn })
    : d.family || d.given
      ? personName(d.family ?? "", d.given ?? "")
      : t("intake:list.unnamed");
  const answerValues = answer?.values ?? d.requestedValues;

  return (
    <>
      <p className="caption">{t("intake:referral.caption")}</p>
      <h1>{name}</h1>
      {d.notice ? (
        <div className="banner banner--success" role="status">
          <p>{t(`intake:referral.done.${d.notice}`)}</p>
        </div>
      ) : null}
      <DecisionLinks referralId={d.id} data={d.decisionLinks} />
      {posted?.form === "closed" ? (
        <div className="banner banner--warning" role="alert">
          <p>{t("intake:referral.closed")}</p>
        </div>
      ) : null}
      <dl className="referral-facts">
        <div>
          <dt>{t("intake:referral.code")}</dt>
          <dd className="referral-facts__code" data-testid="reference-code">
            {d.code}
          </dd>
        </div>
        <div>
          <dt>{t("intake:referral.status")}</dt>
          <dd data-testid="referral-status" data-status={d.status}>
            {t(`intake:statuses.${d.status}`)}
          </dd>
        </div>
        <div>
          <dt>{t("intake:referral.site")}</dt>
          <dd>{site ?? t("intake:list.notYet")}</dd>
        </div>
        {d.indication ? (
          <div>
            <dt>{t("screen:fields.diagnosis.indication")}</dt>
            <dd>{t(`screen:indications.${d.indication}`)}</dd>
          </div>
        ) : null}
        {d.submittedAt ? (
          <div>
            <dt>{t("intake:referral.submittedAt")}</dt>
            <dd>
              <time dateTime={d.submittedAt}>{when(d.submittedAt)}</time>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("intake:referral.changedAt")}</dt>
          <dd>
            <time dateTime={d.changedAt}>{when(d.changedAt)}</time>
          </dd>
        </div>
      </dl>
      <p className="print-links">
        <Link to={`/referrals/${d.id}/summary`}>{t("intake:submitted.printSummary")}</Link>{" "}
        <Link to={`/referrals/${d.id}/handout`}>{t("intake:referral.handout")}</Link>
      </p>

      {d.teamDecision ? <TeamDecisionPanel decision={d.teamDecision} siteNames={d.siteNames} /> : null}
      {d.jointRecommendations.length ? (
        <section aria-labelledby="joint-title" data-testid="physician-joint">
          <h2 id="joint-title">{t("conferences:physician.heading")}</h2>
          <p>{t("conferences:physician.lead")}</p>
          <RecommendationList
            items={d.jointRecommendations}
            heading="conferences:recommendation.heading"
            links={false}
          />
        </section>
      ) : null}
      {d.consultation ? <ConsultationPanel consultation={d.consultation} /> : null}
      {d.travel ? <TeamTravelChecklist checklist={d.travel} /> : null}

      {d.request ? (
        <section className="info-request" aria-labelledby="request-title" data-testid="info-request">
          <h2 id="request-title">{t("intake:referral.requestTitle")}</h2>
          <p>{t("intake:referral.requestIntro", { when: when(d.request.at) })}</p>
          {d.request.note ? (
            <>
              <p className="decision__label">{t("intake:referral.requestMessage")}</p>
              <blockquote className="history__note">{d.request.note}</blockquote>
            </>
          ) : null}
          {d.request.documents.length ? (
            <>
              <h3>{t("intake:referral.requestedDocuments")}</h3>
              <ul>
                {d.request.documents.map((doc) => (
                  <li key={doc}>
                    {i18n.exists(`intake:documents.items.${doc}`) ? t(`intake:documents.items.${doc}`) : doc}
                  </li>
                ))}
              </ul>
              <UploadForm
                referralId={d.id}
                action={`/referrals/${d.id}`}
                posted={posted?.form === "upload" ? posted.upload : null}
                maxFileMb={d.maxFileMb}
                defaultKind="other"
              />
            </>
          ) : null}
          <AnswerRequestForm
            requestedFields={d.requestedFields}
            values={answerValues}
            errors={answer?.errors}
            reply={answer?.reply}
            siteNames={d.siteNames}
            countries={d.countries}
          />
        </section>
      ) : null}

      {d.decision && d.teamDecision ? (
        // Once the team has decided, the screen is shown below its decision and says what it is.
        <section className="screen-view" aria-labelledby="screen-view-title" data-testid="screen-view">
          <h2 id="screen-view-title">{t("intake:teamDecision.screenTitle")}</h2>
          <p>{t("intake:teamDecision.screenIntro")}</p>
          <DecisionPanel decision={d.decision} siteNames={d.siteNames} headingLevel={3} />
        </section>
      ) : d.decision ? (
        <DecisionPanel decision={d.decision} siteNames={d.siteNames} />
      ) : null}
      {d.screens.length > 1 ? (
        <section aria-labelledby="screens-title">
          <h2 id="screens-title">{t("intake:referral.screensTitle")}</h2>
          <ol>
            {d.screens.map((s) => (
              <li key={s.at}>
                {t("intake:referral.screenLine", {
                  when: when(s.at),
                  outcome: t(`screen:outcomes.${s.outcome}.label`),
                  version: s.rulesetVersion,
                })}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="case-title" data-testid="referral-case">
        <h2 id="case-title">{t("queue:case.heading")}</h2>
        <CaseSummary
          caseData={d.caseData}
          today={d.caseDate}
          siteNames={d.siteNames}
          countryNames={d.countryNames}
          headingLevel={3}
        />
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t("intake:sections.documents.title")}</h2>
        <AttachmentList referralId={d.id} items={d.attachments} />
      </section>
      <FhirDownload referralId={d.id} />
      <ChecklistView lines={d.checklist} headingId="referral-checklist" />

      <section aria-labelledby="messages-title" className="messages">
        <h2 id="messages-title">{t("intake:messages.title")}</h2>
        {d.messages.length ? (
          <ol className="message-list">
            {d.messages.map((m) => (
              <li key={m.id}>
                <p className="decision__label">
                  {m.fromYou
                    ? t("intake:messages.fromYou")
                    : t("intake:messages.fromTeam", {
                        name: personName(m.familyName, m.givenName),
                        role: t(`roles.${m.role}`),
                      })}{" "}
                  {when(m.at)}
                </p>
                <blockquote className="history__note">{m.body}</blockquote>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("intake:messages.none")}</p>
        )}
        <ErrorSummary errors={posted?.form === "message" ? posted.errors : undefined} />
        <Form method="post" data-form="message" noValidate className="form">
          <CsrfInput />
          <TextAreaField
            rows={5}
            name="message"
            label={t("intake:messages.label")}
            hint={t("intake:messages.hint")}
            error={posted?.form === "message" ? posted.errors.message : undefined}
            defaultValue={posted?.form === "message" ? posted.message : undefined}
          />
          <button type="submit" name="intent" value="message" className="button button--secondary">
            {t("intake:messages.send")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("intake:referral.historyTitle")}</h2>
        <History items={d.history} siteNames={d.siteNames} />
      </section>

      {d.canWithdraw ? (
        <section className="withdraw" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t("intake:withdraw.title")}</h2>
          <p>{t("intake:withdraw.intro")}</p>
          <ErrorSummary errors={withdraw?.errors} />
          <Form method="post" data-form="withdraw" noValidate className="form">
            <CsrfInput />
            <div className={`field${withdraw?.errors.reasonCode ? " field--error" : ""}`}>
              <fieldset aria-describedby={withdraw?.errors.reasonCode ? `${fieldId("reasonCode")}-error` : undefined}>
                <legend>{t("intake:withdraw.reason")}</legend>
                <FieldError name="reasonCode" error={withdraw?.errors.reasonCode} />
                {withdrawReasons.map((reason, index) => (
                  <div className="choice" key={reason}>
                    <input
                      type="radio"
                      name="reasonCode"
                      value={reason}
                      id={index === 0 ? fieldId("reasonCode") : `${fieldId("reasonCode")}-${reason}`}
                      defaultChecked={withdraw?.reasonCode === reason}
                    />
                    <label htmlFor={index === 0 ? fieldId("reasonCode") : `${fieldId("reasonCode")}-${reason}`}>
                      {t(`intake:withdraw.reasons.${reason}`)}
                    </label>
                  </div>
                ))}
              </fieldset>
            </div>
            <TextAreaField
              rows={5}
              name="note"
              label={t("intake:withdraw.note")}
              hint={t("intake:withdraw.noteHint")}
              error={withdraw?.errors.note}
              defaultValue={withdraw?.note}
            />
            <button type="submit" name="intent" value="withdraw" className="button button--warning">
              {t("intake:withdraw.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <p>
        <Link to="/referrals">{t("intake:submitted.list")}</Link>
      </p>
    </>
  );
}
