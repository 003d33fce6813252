import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { AttachmentList } from "~/components/intake/attachment-list";
import { FhirDownload } from "~/components/fhir/fhir-download";
import { ConsultationPanel } from "~/components/scheduling/consultation-panel";
import { CaseSummary } from "~/components/intake/case-summary";
import { ChecklistView } from "~/components/intake/checklist-view";
import { DecisionLinks } from "~/components/letters/decision-links";
import { History } from "~/components/intake/history";
import { TeamDecisionPanel } from "~/components/intake/team-decision";
import { formatInstant } from "~/i18n/format";
import { recommendationViews } from "~/modules/joint-review/joint-review-view.server";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { availableActions } from "~/domain/workflow/transitions";
import type { ReferralStatus } from "~/domain/workflow/states";
import { intlLocale, isLanguage } from "~/i18n/config";
import { tFor, translatorFor } from "~/i18n/i18n.server";
import { maxFileMb, receivePageUpload } from "~/modules/intake/page-upload.server";
import { checklistFor } from "~/modules/intake/checklist";
import { messagesForPhysician, sendPhysicianMessage } from "~/modules/intake/messages.service.server";
import { requireOwnReferral } from "~/modules/intake/guards.server";
import { fieldAt, formValuesOf, getPath, isIndication } from "~/modules/intake/intake-form";
import { answerRequest, referralDetail, referralToday, withdrawReferral } from "~/modules/intake/intake.service.server";
import { teamDecisionOf } from "~/modules/intake/team-decision";
import { decisionLinks } from "~/modules/intake/refer-again.service.server";
import { consultationView } from "~/modules/scheduling/consultation-view.server";
import { countryOptions } from "~/modules/screening/countries";
import { siteNames } from "~/modules/sites/sites.service.server";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { readerTimeZone, siteFacts } from "~/modules/sites/site-facts.server";
import { siteTimeZone } from "~/domain/routing/site-facts";
import { clientIp } from "~/utils/client-ip.server";
import { isMultipart } from "~/utils/csrf.server";
import { formValues } from "~/utils/form.server";
import { personName } from "~/i18n/person-name";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { TeamTravelChecklist } from "~/components/travel/team-travel-checklist";
import travelStyles from "~/components/travel/travel.css?url";
import { teamChecklist } from "~/modules/travel-checklist/team-checklist.server";
import { regionNames } from "~/i18n/intl-cache";
import type { Answer } from "./answer";
import { InfoRequestSection } from "./info-request";
import { MessagesSection } from "./messages-section";
import { ReferralFacts } from "./referral-facts";
import { JointRecommendations, ScreenHistory, ScreenResult } from "./screen-sections";
import { WithdrawSection } from "./withdraw-section";

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
    maxFileMb: maxFileMb(),
    notice: (notices as readonly string[]).includes(done ?? "") ? done : null,
    messages: await messagesForPhysician(db, referral.id),
    decisionLinks: await decisionLinks(db, referral),
    consultation: await consultationView(db, referral, await siteNames(db), lng, tFor(lng, ["scheduling", "status"])),
    // The case as sent, in the words the staff page uses (app/i18n/case-words.ts).
    caseData: detail.caseData,
    caseDate: typeof detail.caseData.referredOn === "string" ? detail.caseData.referredOn : referralToday(new Date()),
    countryNames: countryNamesOf(detail.caseData, lng),
    // The cross-border checklist, read only: the receiving site's staff tick it (docs/decisions/0023).
    travel: await teamChecklist(db, referral, lng, await readerTimeZone(db, user)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, referral } = await requireOwnReferral(request, params.id);
  const now = new Date();
  const ip = clientIp(request);
  if (isMultipart(request)) {
    const { upload, status } = await receivePageUpload(db, request, { user, referralId: referral.id, now, ip });
    return data<Answer>({ form: "upload", upload }, { status });
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
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const posted = useActionData<Answer>();
  const answer = posted?.form === "answer" ? posted : undefined;
  return (
    <>
      <p className="caption">{t("intake:referral.caption")}</p>
      <h1>{usePatientHeading(d)}</h1>
      {d.notice ? <Banner kind="success" text={t(`intake:referral.done.${d.notice}`)} /> : null}
      <DecisionLinks referralId={d.id} data={d.decisionLinks} />
      {posted?.form === "closed" ? <Banner kind="warning" text={t("intake:referral.closed")} /> : null}
      <ReferralFacts
        id={d.id}
        code={d.code}
        status={d.status}
        site={useSiteName(d.site, d.siteNames)}
        indication={d.indication}
        submittedAt={d.submittedAt}
        changedAt={d.changedAt}
      />

      {d.teamDecision ? <TeamDecisionPanel decision={d.teamDecision} siteNames={d.siteNames} /> : null}
      <JointRecommendations items={d.jointRecommendations} />
      {d.consultation ? <ConsultationPanel consultation={d.consultation} /> : null}
      {d.travel ? <TeamTravelChecklist checklist={d.travel} /> : null}
      {d.request ? (
        <InfoRequestSection
          referralId={d.id}
          request={d.request}
          upload={posted?.form === "upload" ? posted.upload : null}
          maxFileMb={d.maxFileMb}
          answer={{
            requestedFields: d.requestedFields,
            values: answer?.values ?? d.requestedValues,
            errors: answer?.errors,
            reply: answer?.reply,
            siteNames: d.siteNames,
            countries: d.countries,
          }}
        />
      ) : null}
      <ScreenResult decision={d.decision} siteNames={d.siteNames} teamDecided={!!d.teamDecision} />
      <ScreenHistory screens={d.screens} />

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
      <MessagesSection messages={d.messages} posted={posted?.form === "message" ? posted : undefined} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("intake:referral.historyTitle")}</h2>
        <History items={d.history} siteNames={d.siteNames} />
      </section>
      {d.canWithdraw ? <WithdrawSection posted={posted?.form === "withdraw" ? posted : undefined} /> : null}
      <p>
        <Link to="/referrals">{t("intake:submitted.list")}</Link>
      </p>
    </>
  );
}

/** A done notice (a status) or a warning that the referral moved on meanwhile (an alert). */
function Banner({ kind, text }: { kind: "success" | "warning"; text: string }) {
  return (
    <div className={`banner banner--${kind}`} role={kind === "success" ? "status" : "alert"}>
      <p>{text}</p>
    </div>
  );
}

/** The page's heading: the patient's name (family name first), or why it is not shown. */
function usePatientHeading(d: { purgedOn: string | null; family: string | null; given: string | null }): string {
  const { t } = useTranslation();
  if (d.purgedOn) return t("security:retention.purgedNotice", { date: d.purgedOn });
  return d.family || d.given ? personName(d.family ?? "", d.given ?? "") : t("intake:list.unnamed");
}

/** The receiving site's name in the reader's language (its code if the name is missing), or null before one. */
function useSiteName(site: string | null, names: SiteNames): string | null {
  const { i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  return site ? (names[site]?.[lng] ?? site) : null;
}
