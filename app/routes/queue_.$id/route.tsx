import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ClinicalPanel } from "~/components/clinical/clinical-panel";
import { CaseSections } from "~/components/case-view/case-sections";
import { JointReviewPanel } from "~/components/joint-review/joint-review-panel";
import { JointEventLine } from "~/components/joint-review/joint-event-line";
import { jointEventLine } from "~/modules/joint-review/joint-event-line";
import { ownerJointPanel, summaryInWords } from "~/modules/joint-review/joint-review-view.server";
import { postJointMessage } from "~/modules/joint-review/joint-review.service.server";
import { jointMessageSchema } from "~/modules/conferences/conferences.schema";
import { otherSite } from "~/domain/routing/site-facts";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { CsrfInput } from "~/components/csrf-input";
import { DecisionCompare } from "~/components/decision-compare/decision-compare";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import panelStyles from "~/components/decision-panel/decision-panel.css?url";
import { formatCalendarDate, formatInstant } from "~/i18n/datetime";
import { indicationKey } from "~/components/decision-panel/labels";
import { ErrorSummary } from "~/components/forms/error-summary";
import { AttachmentList } from "~/components/intake/attachment-list";
import { FhirDownload } from "~/components/fhir/fhir-download";
import { StaffLetterLinks } from "~/components/letters/staff-letter-links";
import { ClockText } from "~/components/queue/clock-text";
import queueStyles from "~/components/queue/queue.css?url";
import ruleBookStyles from "~/components/rule-book/rule-book.css?url";
import { translatorFor } from "~/i18n/i18n.server";
import { clinicalDecisionPanel, formatRecord } from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { letterSummaries } from "~/modules/letters/letters.service.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { caseSections } from "~/modules/queue/case-view";
import { actionSlugs, staffActions, type FormAction } from "~/modules/queue/queue-actions";
import { noteSchema } from "~/modules/queue/queue.schema";
import { requireStaff } from "~/modules/queue/staff.server";
import {
  addNote,
  isOverride,
  openReferralForStaff,
  performStaffAction,
  referralForStaff,
  sendMessage,
} from "~/modules/queue/triage.service.server";
import { notFound } from "~/utils/not-found.server";
import { latestComparison, rescreenReferral } from "~/modules/rules/rescreen.service.server";
import { rulesToday } from "~/modules/rules/rules.service.server";
import { ruleSetInForce } from "~/domain/eligibility/rulesets";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { translateIssues } from "~/utils/form.server";
import { personName } from "~/i18n/person-name";
import { UnconfirmedContactsWarning } from "~/components/site-contacts/unconfirmed-contacts-warning";
import { TeamTravelChecklist } from "~/components/travel/team-travel-checklist";
import travelStyles from "~/components/travel/travel.css?url";
import { unconfirmedContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { teamChecklist } from "~/modules/travel-checklist/team-checklist.server";

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
  const db = await getDb();
  const now = new Date();
  const page = await openReferralForStaff(db, staff, params.id ?? "", {
    now,
    ip: clientIp(request),
    portalUrl: new URL(request.url).origin,
  });
  // Not this site's (or no such referral): the same empty 404, for pages and .data requests alike.
  if (!page) throw notFound();
  const { referral } = page;
  const at = (iso: string) => formatInstant(iso, lng, page.site.timezone);
  const name = (person: { family_name: string | null; given_name: string | null } | null) =>
    person?.family_name != null ? personName(person.family_name, person.given_name ?? "") : null;
  const siteName = (code: string | null) =>
    code ? (page.siteNames[code as keyof typeof page.siteNames]?.[lng] ?? code) : null;
  const attachments = await listAttachments(db, referral.id);
  // The two latest screens side by side once the referral has been screened again (re-screen, answers to requests).
  const comparison = await latestComparison(db, referral.id);
  const consultation = page.consultation;
  const thread = [
    ...page.messages.map((m) => ({
      id: m.id,
      at: m.created_at,
      fromPhysician: m.author_role === "physician",
      author: name(m),
      kind: "message" as const,
      body: m.body,
    })),
    ...page.events
      .filter((e) => (e.action === "request_info" || e.action === "answer_info") && e.note)
      .map((e) => ({
        id: e.id,
        at: e.occurred_at,
        fromPhysician: e.action === "answer_info",
        author: name(e),
        kind: e.action,
        body: e.note ?? "",
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const done = new URL(request.url).searchParams.get("done");
  const clinical = await clinicalDecisionPanel(db, staff, referral);
  const joint = await ownerJointPanel(db, referral);
  const record = (view: NonNullable<typeof clinical.current>) => formatRecord(view, lng, page.site.timezone);
  return {
    id: referral.id,
    referenceCode: referral.reference_code ?? "",
    status: referral.status,
    patient: {
      familyName: referral.patient_family_name ?? "",
      givenName: referral.patient_given_name ?? "",
      latinName: referral.patient_latin_name,
    },
    // Privacy rule 5 (ADR 0025): a purged referral says so where the patient's name stood.
    purgedOn: referral.purged_at ? formatInstant(referral.purged_at, lng, page.site.timezone, "date") : null,
    indication: referral.indication,
    urgency: referral.urgency,
    outcome: referral.screen_outcome,
    siteName: siteName(referral.site_code),
    submittedAt: referral.submitted_at ? at(referral.submitted_at) : null,
    clock: page.clock,
    dueOn: page.clock.kind === "running" ? formatCalendarDate(page.clock.dueOn, lng) : null,
    assignee: page.assignee,
    physician: page.physician,
    decision: page.decision,
    comparison,
    // The set a re-screen would use: the one in force for this case's referral date among those published today.
    rescreenWith: ruleSetInForce(page.caseData?.referredOn, rulesToday(now)).version,
    siteNames: page.siteNames,
    consultation: consultation?.date
      ? {
          date: formatCalendarDate(consultation.date, lng),
          time: consultation.time ?? "",
          place: consultation.place ?? "",
          interpreter: consultation.interpreter ?? null,
        }
      : null,
    sections: page.caseData ? caseSections(page.caseData, t, lng, page.siteNames, page.site.timezone) : [],
    attachments,
    events: page.events.map((e) => ({
      id: e.id,
      at: at(e.occurred_at),
      actor: name(e),
      role: e.actor_role,
      action: e.action,
      from: e.from_status,
      to: e.to_status,
      site: siteName(e.site_code),
      reasonCode: e.reason_code,
      note: e.action === "request_info" || e.action === "answer_info" ? null : e.note,
      override: e.data.override === true,
      screenOutcome: typeof e.data.screenOutcome === "string" ? e.data.screenOutcome : null,
      documents: Array.isArray(e.data.documents) ? (e.data.documents as string[]) : [],
      fields: Array.isArray(e.data.fields) ? (e.data.fields as string[]) : [],
      rescreen:
        e.action === "rescreen" && typeof e.data.from === "string" && typeof e.data.to === "string"
          ? {
              from: e.data.from,
              to: e.data.to,
              outcomeBefore: String(e.data.outcomeBefore ?? ""),
              outcomeAfter: String(e.data.outcomeAfter ?? ""),
            }
          : null,
      assignee: e.assigneeName ? personName(e.assigneeName.familyName, e.assigneeName.givenName) : null,
      joint: jointEventLine(e.data),
      consultation:
        e.action === "schedule" && typeof e.data.date === "string"
          ? {
              date: formatCalendarDate(e.data.date, lng),
              time: String(e.data.time ?? ""),
              place: String(e.data.place ?? ""),
              interpreter: typeof e.data.interpreter === "string" ? e.data.interpreter : null,
            }
          : null,
    })),
    notes: page.notes.map((n) => ({ id: n.id, at: at(n.created_at), author: name(n), body: n.body })),
    thread: thread.map((m) => ({ ...m, at: at(m.at) })),
    actions: page.actions,
    overrides: {
      accept: isOverride("accept", referral.screen_outcome),
      decline: isOverride("decline", referral.screen_outcome),
    },
    done:
      done &&
      (staffActions as readonly string[])
        .concat(["note", "message", "clinical_decision", "rescreen", "joint_proposed", "joint_closed", "joint_message"])
        .includes(done)
        ? done
        : null,
    clinical: {
      ...clinical,
      current: clinical.current ? record(clinical.current) : null,
      earlier: clinical.earlier.map(record),
    },
    letters: (await letterSummaries(db, referral.id)).map((l) => ({
      ...l,
      issuedAt: formatInstant(l.issuedAt, lng, page.site.timezone, "date"),
    })),
    travel: await teamChecklist(db, referral, lng, page.site.timezone),
    unconfirmedContacts: await unconfirmedContactsOf(db, referral.site_code),
    joint: {
      review: joint.summary
        ? summaryInWords(joint.summary, lng, page.site.timezone, (code) => siteName(code) ?? code)
        : null,
      partnerSite: siteName(otherSite(await siteFacts(db), referral.site_code)?.code ?? null) ?? "",
      refusal: joint.refusal === "already_open" ? null : joint.refusal,
    },
  };
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

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function eventWords(t: TFunction, e: Loaded["events"][number]): string {
  const base = t(`queue:history.actions.${e.action}`, { defaultValue: t("queue:history.actions.other") });
  const to =
    e.from !== e.to
      ? t("queue:history.fromTo", { from: e.from ? t(`queue:status.${e.from}`) : "—", to: t(`queue:status.${e.to}`) })
      : "";
  return [base, to].filter(Boolean).join(" ");
}

function reasonKey(action: string, code: string): string {
  if (action === "decline") return `queue:declineReasons.${code}`;
  if (action === "redirect") return `queue:redirectReasons.${code}`;
  return `queue:history.otherReasons.${code}`;
}

function History({ events }: { events: Loaded["events"] }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" data-testid="history">
      {events.map((e) => (
        <li key={e.id} data-action={e.action}>
          <p className="when">{e.at}</p>
          <p>
            <strong>{eventWords(t, e)}</strong>{" "}
            {e.override ? (
              <span className="tag tag--override" data-testid="override-tag">
                {t("queue:override.tag")}
              </span>
            ) : null}
          </p>
          <p>
            {e.actor
              ? t("queue:history.by", { name: e.actor, role: t(`roles.${e.role}`) })
              : t("queue:history.bySystem")}
          </p>
          {e.override && e.screenOutcome ? (
            <p>{t("queue:override.explain", { outcome: t(`screen:outcomes.${e.screenOutcome}.label`) })}</p>
          ) : null}
          {e.action === "route" || e.action === "redirect" ? <p>{t("queue:history.site", { site: e.site })}</p> : null}
          {e.reasonCode ? (
            <p>
              {t("queue:history.reason", {
                reason: t(reasonKey(e.action, e.reasonCode), { defaultValue: e.reasonCode }),
              })}
            </p>
          ) : null}
          {e.assignee ? <p>{t("queue:history.assignedTo", { name: e.assignee })}</p> : null}
          {e.rescreen ? (
            <p>
              {t("rules:compare.history", {
                from: e.rescreen.from,
                to: e.rescreen.to,
                before: t(`screen:outcomes.${e.rescreen.outcomeBefore}.label`),
                after: t(`screen:outcomes.${e.rescreen.outcomeAfter}.label`),
              })}
            </p>
          ) : null}
          {e.documents.length || e.fields.length ? (
            <>
              <p>{t("queue:history.requested")}</p>
              <ul>
                {e.documents.map((d) => (
                  <li key={`d-${d}`}>{t(`intake:documents.items.${d}`)}</li>
                ))}
                {e.fields.map((f) => (
                  <li key={`f-${f}`}>{t(`screen:fields.${f}`)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {e.consultation ? <p>{t("queue:history.consultation", e.consultation)}</p> : null}
          {e.joint ? <JointEventLine line={e.joint} /> : null}
          {e.note ? <p className="pre-line">{t("queue:history.note", { note: e.note })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function TextArea({
  name,
  label,
  hint,
  error,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
}) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name="body"
        rows={4}
        maxLength={2000}
        defaultValue={defaultValue}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

export default function StaffReferral() {
  const { t } = useTranslation();
  const r = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const patientName = r.purgedOn
    ? t("security:retention.purgedNotice", { date: r.purgedOn })
    : personName(r.patient.familyName, r.patient.givenName);
  const formActions = r.actions.filter((a): a is FormAction => a !== "claim");
  return (
    <>
      <p>
        <Link to="/queue">{t("queue:referral.back")}</Link>
      </p>
      <h1>{t("queue:referral.heading", { code: r.referenceCode })}</h1>
      {r.done ? (
        <div className="banner banner--success" role="status" data-testid="done-banner">
          <p>{r.done === "clinical_decision" ? t("decisions:form.recorded") : t(`queue:done.${r.done}`)}</p>
        </div>
      ) : null}
      <ErrorSummary errors={answer?.errors} formError={answer?.formError} />
      <dl className="referral-head">
        <div>
          <dt>{t("queue:columns.patient")}</dt>
          <dd>
            {patientName}
            {r.patient.latinName ? ` (${r.patient.latinName})` : null}
          </dd>
        </div>
        <div>
          <dt>{t("queue:columns.status")}</dt>
          <dd data-testid="referral-status" data-status={r.status}>
            {t(`queue:status.${r.status}`)}
          </dd>
        </div>
        <div>
          <dt>{t("queue:referral.site")}</dt>
          <dd>{r.siteName}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.indication")}</dt>
          <dd>{r.indication ? t(indicationKey(r.indication)) : null}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.urgency")}</dt>
          <dd>{t(`queue:urgency.${r.urgency}`)}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.clock")}</dt>
          <dd data-testid="referral-clock">
            <ClockText clock={r.clock} dueOn={r.dueOn} status={r.status} />
          </dd>
        </div>
        <div>
          <dt>{t("queue:columns.assignee")}</dt>
          <dd>{r.assignee ? personName(r.assignee.familyName, r.assignee.givenName) : t("queue:list.unassigned")}</dd>
        </div>
        <div>
          <dt>{t("queue:referral.physician")}</dt>
          <dd>
            {r.physician ? `${personName(r.physician.familyName, r.physician.givenName)} · ${r.physician.email}` : null}
          </dd>
        </div>
        <div>
          <dt>{t("queue:columns.received")}</dt>
          <dd>{r.submittedAt}</dd>
        </div>
        {r.consultation ? (
          <div>
            <dt>{t("queue:referral.consultation")}</dt>
            <dd data-testid="consultation">{t("queue:history.consultation", r.consultation)}</dd>
          </div>
        ) : null}
      </dl>

      {r.unconfirmedContacts ? (
        <UnconfirmedContactsWarning site={r.siteName ?? ""} fields={r.unconfirmedContacts} context="staff" />
      ) : null}

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t("queue:referral.actions")}</h2>
        {r.actions.length === 0 ? <p>{t("queue:referral.noActions")}</p> : null}
        <ul className="action-list">
          {r.actions.includes("claim") ? (
            <li>
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="claim" />
                <button type="submit" className="button" data-action="claim">
                  {t("queue:actions.claim")}
                </button>
              </Form>
            </li>
          ) : null}
          {formActions.map((action) => (
            <li key={action}>
              <Link
                to={`/queue/${r.id}/${actionSlugs[action]}`}
                className={`button${action === "decline" ? " button--warning" : action === "accept" ? "" : " button--secondary"}`}
                data-action={action}
              >
                {t(`queue:actions.${action}`)}
              </Link>
            </li>
          ))}
        </ul>
        {r.overrides.accept && r.actions.includes("accept") ? (
          <p className="notice">{t("queue:override.warnAccept")}</p>
        ) : null}
        {r.overrides.decline && r.actions.includes("decline") ? (
          <p className="notice">{t("queue:override.warnDecline")}</p>
        ) : null}
      </section>

      {r.travel ? <TeamTravelChecklist checklist={r.travel} tickAction={`/queue/${r.id}/travel-checklist`} /> : null}

      <ClinicalPanel referralId={r.id} data={r.clinical} />
      <StaffLetterLinks referralId={r.id} letters={r.letters} />
      {r.comparison ? <DecisionCompare comparison={r.comparison} /> : null}

      {r.decision ? <DecisionPanel decision={r.decision} siteNames={r.siteNames} headingLevel={2} /> : null}

      {r.decision ? (
        <Form method="post" data-form="rescreen" className="rescreen-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="rescreen" />
          <p className="hint" id="rescreen-hint">
            {t("rules:compare.buttonHint", { current: r.decision.rulesetVersion })}
          </p>
          <button
            type="submit"
            className="button button--secondary"
            aria-describedby="rescreen-hint"
            data-action="rescreen"
          >
            {t("rules:compare.button", { version: r.rescreenWith })}
          </button>
        </Form>
      ) : null}

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

      <section aria-labelledby="messages-heading" id="messages">
        <h2 id="messages-heading">{t("queue:messages.heading")}</h2>
        <p className="hint">{t("queue:messages.hint")}</p>
        {r.thread.length ? (
          <ul className="thread" data-testid="thread">
            {r.thread.map((m) => (
              <li key={m.id} className={m.fromPhysician ? "from-physician" : "from-staff"}>
                <p className="meta">
                  {t(`queue:messages.kinds.${m.kind}`)} · {m.author ?? "—"} · {m.at}
                </p>
                <p className="pre-line">{m.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("queue:messages.none")}</p>
        )}
        <Form method="post" data-form="message">
          <CsrfInput />
          <input type="hidden" name="intent" value="message" />
          <TextArea
            name="messageBody"
            label={t("queue:messages.label")}
            hint={t("queue:messages.sendHint")}
            error={answer?.form === "message" ? answer.errors?.messageBody : undefined}
            defaultValue={answer?.form === "message" ? answer.values?.body : undefined}
          />
          <button type="submit" className="button button--secondary">
            {t("queue:messages.send")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="notes-heading" id="notes">
        <h2 id="notes-heading">{t("queue:notes.heading")}</h2>
        <p className="hint">{t("queue:notes.hint")}</p>
        {r.notes.length ? (
          <ul className="thread" data-testid="notes">
            {r.notes.map((n) => (
              <li key={n.id} className="from-staff">
                <p className="meta">
                  {n.author} · {n.at}
                </p>
                <p className="pre-line">{n.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("queue:notes.none")}</p>
        )}
        <Form method="post" data-form="note">
          <CsrfInput />
          <input type="hidden" name="intent" value="note" />
          <TextArea
            name="noteBody"
            label={t("queue:notes.label")}
            error={answer?.form === "note" ? answer.errors?.noteBody : undefined}
            defaultValue={answer?.form === "note" ? answer.values?.body : undefined}
          />
          <button type="submit" className="button button--secondary">
            {t("queue:notes.add")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("queue:history.heading")}</h2>
        <History events={r.events} />
      </section>
    </>
  );
}
