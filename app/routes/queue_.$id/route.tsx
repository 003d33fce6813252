import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClinicalPanel } from "~/components/clinical/clinical-panel";
import { CaseSections } from "~/components/case-view/case-sections";
import { JointReviewPanel } from "~/components/joint-review/joint-review-panel";
import { postJointMessage } from "~/modules/joint-review/joint-review.service.server";
import { jointMessageSchema } from "~/modules/conferences/conferences.schema";
import { DecisionCompare } from "~/components/decision-compare/decision-compare";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import panelStyles from "~/components/decision-panel/decision-panel.css?url";
import { AttachmentList } from "~/components/intake/attachment-list";
import { FhirDownload } from "~/components/fhir/fhir-download";
import { StaffLetterLinks } from "~/components/letters/staff-letter-links";
import queueStyles from "~/components/queue/queue.css?url";
import ruleBookStyles from "~/components/rule-book/rule-book.css?url";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { translatorFor } from "~/i18n/i18n.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { noteSchema } from "~/modules/queue/queue.schema";
import { requireStaff } from "~/modules/queue/staff.server";
import { staffReferralPage } from "~/modules/queue/staff-referral-page.server";
import { addNote, sendMessage } from "~/modules/queue/staff-notes.service.server";
import { performStaffAction, referralForStaff } from "~/modules/queue/triage.service.server";
import { notFound } from "~/utils/not-found.server";
import { rescreenReferral } from "~/modules/rules/rescreen.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { translateIssues } from "~/utils/form.server";
import { UnconfirmedContactsWarning } from "~/components/site-contacts/unconfirmed-contacts-warning";
import { TeamTravelChecklist } from "~/components/travel/team-travel-checklist";
import travelStyles from "~/components/travel/travel.css?url";
import { ActionsSection, RescreenForm } from "./actions-section";
import { MessagesSection, NotesSection } from "./conversation";
import { History } from "./history";
import { ReferralHead } from "./referral-head";

export const handle = { titleKey: "queue:referral.title" };
export const links = () => [
  { rel: "stylesheet", href: panelStyles },
  { rel: "stylesheet", href: queueStyles },
  { rel: "stylesheet", href: ruleBookStyles },
  { rel: "stylesheet", href: travelStyles },
];

type ActionAnswer = {
  form: "note" | "message" | "claim" | "joint";
  errors?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const { t, lng } = translatorFor(request);
  const url = new URL(request.url);
  const page = await staffReferralPage(await getDb(), staff, params.id ?? "", {
    now: new Date(),
    ip: clientIp(request),
    portalUrl: url.origin,
    t,
    lng,
    done: url.searchParams.get("done"),
  });
  // Not this site's (or no such referral): the same empty 404, for pages and .data requests alike.
  if (!page) throw notFound();
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const { t } = translatorFor(request);
  const id = params.id ?? "";
  const form = await request.formData();
  const db = await getDb();
  const ctx = { now: new Date(), ip: clientIp(request), portalUrl: new URL(request.url).origin };
  // Another site's referral (or none): the empty 404 before any posted text is checked, so no answer tells it exists.
  if (!(await referralForStaff(db, staff, id))) throw notFound();
  const intent = form.get("intent");
  if (intent === "claim") {
    const result = await performStaffAction(db, staff, id, "claim", {}, ctx);
    if (result.ok) return redirect(`/queue/${id}?done=claim`);
    if (result.code === "not_found") throw notFound();
    return data<ActionAnswer>(
      {
        form: "claim",
        formError: t(`queue:errors.${result.code}`, { status: t(`queue:status.${result.status ?? "triage"}`) }),
      },
      { status: result.code === "not_allowed_for_role" ? 403 : 409 },
    );
  }
  if (intent === "rescreen") {
    // Another site's referral (or an unknown one) is the same empty 404 as its page, also for .data requests.
    const comparison = await rescreenReferral(db, staff, id, { now: ctx.now, ip: ctx.ip });
    if (!comparison) throw notFound();
    return redirect(`/queue/${id}?done=rescreen#rescreen`);
  }
  if (intent === "joint_message") {
    const parsed = jointMessageSchema.safeParse({ body: form.get("jointBody") ?? undefined });
    if (!parsed.success)
      return data<ActionAnswer>(
        {
          form: "joint",
          errors: { jointBody: translateIssues(parsed.error.issues, t).body ?? "" },
          values: { body: String(form.get("jointBody") ?? "") },
        },
        { status: 400 },
      );
    if (!(await postJointMessage(db, staff, id, parsed.data.body, ctx))) throw notFound();
    return redirect(`/queue/${id}?done=joint_message#joint-thread`);
  }
  if (intent === "note" || intent === "message") {
    const parsed = noteSchema.safeParse({ body: form.get("body") ?? undefined });
    if (!parsed.success) {
      const errors = translateIssues(parsed.error.issues, t);
      return data<ActionAnswer>(
        {
          form: intent,
          errors: { [`${intent}Body`]: errors.body ?? "" },
          values: { body: String(form.get("body") ?? "") },
        },
        { status: 400 },
      );
    }
    const saved =
      intent === "note"
        ? await addNote(db, staff, id, parsed.data.body, ctx)
        : await sendMessage(db, staff, id, parsed.data.body, ctx);
    if (!saved) throw notFound();
    if (intent === "message") void kickMailer();
    return redirect(`/queue/${id}?done=${intent}#${intent === "note" ? "notes" : "messages"}`);
  }
  throw new Response(null, { status: 400 });
}

export default function StaffReferral() {
  const { t } = useTranslation();
  const r = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  // The banner of the step just taken: a clinical decision is recorded on its own page, the others on this one.
  const doneText = (done: string) =>
    done === "clinical_decision" ? t("decisions:form.recorded") : t(`queue:done.${done}`);
  return (
    <>
      <StaffPageHeader
        back={{ to: "/queue", text: t("queue:referral.back") }}
        heading={t("queue:referral.heading", { code: r.referenceCode })}
        done={r.done ? { text: doneText(r.done), testId: "done-banner" } : null}
        errors={answer?.errors}
        formError={answer?.formError}
      />
      <ReferralHead r={r} />
      {r.unconfirmedContacts ? (
        <UnconfirmedContactsWarning site={r.siteName ?? ""} fields={r.unconfirmedContacts} context="staff" />
      ) : null}
      <ActionsSection r={r} />
      {r.travel ? <TeamTravelChecklist checklist={r.travel} tickAction={`/queue/${r.id}/travel-checklist`} /> : null}
      <ClinicalPanel referralId={r.id} data={r.clinical} />
      <StaffLetterLinks referralId={r.id} letters={r.letters} />
      {r.comparison ? <DecisionCompare comparison={r.comparison} /> : null}
      {r.decision ? <DecisionPanel decision={r.decision} siteNames={r.siteNames} headingLevel={2} /> : null}
      {r.decision ? <RescreenForm current={r.decision.rulesetVersion} next={r.rescreenWith} /> : null}
      <CaseSections sections={r.sections} />
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("queue:referral.documents")}</h2>
        <AttachmentList referralId={r.id} items={r.attachments} />
      </section>
      <FhirDownload referralId={r.id} />
      <JointReviewPanel
        referralId={r.id}
        data={r.joint}
        messageError={answer?.form === "joint" ? answer.errors?.jointBody : undefined}
        messageValue={answer?.form === "joint" ? answer.values?.body : undefined}
      />
      <MessagesSection r={r} answer={answer} />
      <NotesSection r={r} answer={answer} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("queue:history.heading")}</h2>
        <History events={r.events} />
      </section>
    </>
  );
}
