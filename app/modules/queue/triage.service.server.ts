import type { ReferralCase } from "~/domain/case/schema";
import { siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { checkSignoff, type Recommendation } from "~/domain/clinical-decision/clinical-decision";
import { currentClinicalDecision } from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { issueLetter, letterDecisionOf } from "~/modules/letters/letters.service.server";
import { toDecisionJson, type Decision, type DecisionJson } from "~/domain/screen";
import { availableActions } from "~/domain/workflow/transitions";
import type { ReferralStatus } from "~/domain/workflow/states";
import type { Language } from "~/i18n/config";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { checklistFor, missingDocuments } from "~/modules/intake/checklist";
import { recordAudit } from "~/modules/audit/audit.service.server";
import { recordReading } from "~/modules/audit/read-audit.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { todayAt } from "~/modules/referrals/clock.server";
import { findReferral, type ReferralRow } from "~/modules/referrals/referrals.repository.server";
import { transitionReferral, type TransitionResult } from "~/modules/referrals/referrals.service.server";
import { clinicalSignoffRequired, siteNames } from "~/modules/sites/sites.service.server";
import { otherSite } from "~/domain/routing/site-facts";
import { siteFacts } from "~/modules/sites/site-facts.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { holidaysOf } from "~/modules/referrals/calendar.server";
import { clockView } from "./clock-view";
import { recommendationsOf } from "~/modules/conferences/conferences.repository.server";
import { queueNotification, type NotificationKind } from "~/modules/notifications/physician-mail.server";
import {
  eventsWithActors,
  insertMessage,
  insertNote,
  messagesOf,
  notesOf,
  usersByIds,
} from "./queue.repository.server";
import { siteTeam } from "./site-team.server";
import {
  requestableDocuments,
  requestableFields,
  staffActions,
  tabOf,
  type ActionInput,
  type FormAction,
  type StaffAction,
} from "./queue.schema";
import { siteClockOf, type Staff } from "./staff.server";
import type { DayWarning } from "~/domain/scheduling/weekly-pattern";
import { planBooking, SlotTakenError, type ConsultationData } from "~/modules/scheduling/booking.service.server";

export type StaffContext = {
  now: Date;
  ip: string | null;
  /** The portal's origin, for links in mail. */
  portalUrl: string;
  /** The page's language, for the names of public holidays in a booking's warning. */
  lng?: Language;
  /** A joint conference's recommendation (agenda item id) the step follows; kept with the event and linked from it. */
  citesRecommendation?: string;
};

/** The steps that may follow a joint recommendation (issue 10: the owning site's next action links to it). */
export const stepsCitingRecommendation: readonly StaffAction[] = ["accept", "decline", "redirect", "request_info"];

/** The referral if this staff member may see it (their site, not a draft); null otherwise — the caller answers 404. */
export async function referralForStaff(db: Database, staff: Staff, id: string): Promise<ReferralRow | null> {
  const referral = await findReferral(db, id);
  return referral && canSeeReferral(staff, referral) ? referral : null;
}

function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The screen's decision in the contract's shape (older rows may hold the full Decision). */
export function decisionOf(referral: Pick<ReferralRow, "decision_json">): DecisionJson | null {
  const decision = parseJson<Decision | null>(referral.decision_json, null);
  return decision ? toDecisionJson(decision) : null;
}

/**
 * A clinical decision against the screen (workflow.md): accepting after not_eligible, or declining after
 * likely_eligible. Allowed — the clinician decides — but marked in the event and shown as an override.
 */
export function isOverride(action: string, screenOutcome: string | null): boolean {
  return (
    (action === "accept" && screenOutcome === "not_eligible") ||
    (action === "decline" && screenOutcome === "likely_eligible")
  );
}

/** The staff actions this person could take now: the workflow's answer, so buttons and the server agree. */
export function staffActionsFor(staff: Staff, status: string): StaffAction[] {
  const possible = availableActions(status as ReferralStatus, staff.role);
  return staffActions.filter((a) => possible.includes(a));
}

/**
 * Everything the staff referral page shows, and the access-log entry for reading it (privacy.md: every read of
 * a referral's clinical detail is logged). Null when the referral is not this staff member's to see.
 */
export async function openReferralForStaff(db: Database, staff: Staff, id: string, ctx: StaffContext) {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return null;
  await recordReading(db, {
    actor: { id: staff.id, role: staff.role },
    action: "referral.viewed",
    subjectType: "referral",
    subjectId: referral.id,
    detail: { site: referral.site_code },
    ip: ctx.ip,
    at: ctx.now,
  });
  const site = await siteClockOf(db, staff.siteCode);
  const today = todayAt(site.timezone, ctx.now);
  const [events, notes, messages, people, names] = await Promise.all([
    eventsWithActors(db, referral.id),
    notesOf(db, referral.id),
    messagesOf(db, referral.id),
    siteTeam(db, staff.siteCode, ctx.now),
    siteNames(db),
  ]);
  const [physician] = await usersByIds(db, [referral.physician_id]);
  const caseData = parseJson<ReferralCase | null>(referral.case_json, null);
  const assigneeIds = new Set<string>();
  if (referral.assignee_id) assigneeIds.add(referral.assignee_id);
  const parsedEvents = events.map((e) => ({ ...e, data: parseJson<Record<string, unknown>>(e.data, {}) }));
  for (const e of parsedEvents) if (typeof e.data.assigneeId === "string") assigneeIds.add(e.data.assigneeId);
  const named = new Map(
    (await usersByIds(db, [...assigneeIds])).map((u) => [u.id, { familyName: u.family_name, givenName: u.given_name }]),
  );
  return {
    referral,
    site,
    today,
    caseData,
    decision: decisionOf(referral),
    siteNames: names,
    clock: clockView(referral, today, holidaysOf(site.country)),
    tab: tabOf(referral.status),
    assignee: referral.assignee_id ? (named.get(referral.assignee_id) ?? null) : null,
    physician: physician
      ? { familyName: physician.family_name, givenName: physician.given_name, email: physician.email }
      : null,
    consultation: parseJson<Record<string, string> | null>(referral.consultation_json, null),
    events: parsedEvents.map((e) => ({
      ...e,
      assigneeName: typeof e.data.assigneeId === "string" ? (named.get(e.data.assigneeId) ?? null) : null,
    })),
    notes,
    messages,
    staff: people,
    actions: staffActionsFor(staff, referral.status),
  };
}

/** What an action page shows and offers: the referral's summary and the choices of that action's form. */
export async function actionFormFor(
  db: Database,
  staff: Staff,
  id: string,
  action: FormAction,
  lng: Language,
  now: Date,
) {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return null;
  const names = await siteNames(db);
  const nameOf = (code: string | null) => (code ? (names[code as keyof typeof names]?.[lng] ?? code) : "");
  const caseData = parseJson<ReferralCase | null>(referral.case_json, null);
  const decision = decisionOf(referral);
  const people = action === "assign" ? await siteTeam(db, staff.siteCode, now) : [];
  let documents: { id: string; provided: boolean; missing: boolean }[] = [];
  if (action === "request_info") {
    const kinds = (await listAttachments(db, referral.id)).map((a) => a.kind);
    const lines = checklistFor(caseData?.diagnosis.indication ?? null, kinds).filter((line) =>
      requestableDocuments.includes(line.id),
    );
    const missingIds = new Set(missingDocuments(lines).map((line) => line.id));
    documents = lines.map((line) => ({ id: line.id, provided: line.provided, missing: missingIds.has(line.id) }));
  }
  const missing = (decision?.missing ?? []).filter((path) => (requestableFields as readonly string[]).includes(path));
  let redirectTo: { site: string; crossesBorder: boolean; consent: boolean } | null = null;
  if (action === "redirect") {
    const target = otherSite(await siteFacts(db), referral.site_code);
    redirectTo = {
      site: nameOf(target?.code ?? null),
      crossesBorder: target?.country !== caseData?.patient.residenceCountry,
      consent: caseData?.consent.crossBorder === true,
    };
  }
  return {
    id: referral.id,
    action,
    available: staffActionsFor(staff, referral.status).includes(action),
    referenceCode: referral.reference_code ?? "",
    patient: { familyName: referral.patient_family_name ?? "", givenName: referral.patient_given_name ?? "" },
    status: referral.status,
    indication: referral.indication,
    outcome: referral.screen_outcome,
    siteName: nameOf(referral.site_code),
    override: isOverride(action, referral.screen_outcome),
    staff: people.map((p) => ({ id: p.id, familyName: p.family_name, givenName: p.given_name, role: p.role })),
    assigneeId: referral.assignee_id,
    documents,
    missingFields: missing,
    otherFields: requestableFields.filter((path) => !missing.includes(path)),
    redirectTo,
    // QST offers no language support (routing.md): a patient without Japanese brings a medical interpreter.
    interpreterHint: referral.site_code === "qst" && caseData?.patient.preferredLanguage !== "ja",
  };
}

export type ActionFailure = TransitionResult extends infer R
  ? R extends { ok: false; code: infer C }
    ? C
    : never
  : never;
export type SignoffFailure = "clinical_decision_required" | "clinical_decision_differs" | "clinical_decision_changed";
export type StaffActionResult =
  | { ok: true; referral: ReferralRow }
  | {
      ok: false;
      code:
        | ActionFailure
        | SignoffFailure
        | "invalid_assignee"
        | "date_in_past"
        | "time_in_past"
        | "slot_gone"
        | "slot_taken";
      status?: string;
      recommendation?: Recommendation;
    }
  | { ok: false; code: "confirm_day"; warnings: DayWarning[]; date: string; status?: string };

/** Thrown inside the step's transaction when the clinical decision it was checked against is no longer the newest. */
class ClinicalDecisionChanged extends Error {}

const notificationOf: Partial<Record<StaffAction, NotificationKind>> = {
  request_info: "info_requested",
  accept: "accepted",
  decline: "declined",
  redirect: "redirected",
  schedule: "scheduled",
};

/**
 * One triage step by a staff member on a referral of their site, through the referral core (one transaction:
 * state, clock, event, audit — and the physician's mail in the outbox). The site is checked again inside the
 * transaction, so a referral redirected a moment ago is no longer this site's to act on.
 */
export async function performStaffAction<A extends StaffAction>(
  db: Database,
  staff: Staff,
  id: string,
  action: A,
  input: ActionInput<A>,
  ctx: StaffContext,
): Promise<StaffActionResult> {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return { ok: false, code: "not_found" };
  let reasonCode: string | null = null;
  let note: string | null = null;
  let data: Record<string, unknown> = {};
  let takeSlot: ((trx: Database, referralId: string) => Promise<void>) | null = null;

  switch (action) {
    case "assign": {
      const { assigneeId } = input as ActionInput<"assign">;
      const people = await siteTeam(db, staff.siteCode, ctx.now);
      if (!people.some((p) => p.id === assigneeId)) return { ok: false, code: "invalid_assignee" };
      data = { assigneeId };
      break;
    }
    case "request_info": {
      const v = input as ActionInput<"request_info">;
      data = { documents: v.documents, fields: v.fields };
      note = v.message ?? null;
      break;
    }
    case "accept":
    case "close":
      note = (input as ActionInput<"accept">).note ?? null;
      break;
    case "decline":
    case "redirect": {
      const v = input as ActionInput<"decline">;
      reasonCode = v.reasonCode;
      note = v.note ?? null;
      break;
    }
    case "schedule": {
      // A referral that cannot be scheduled now is refused by the workflow below, before any slot is looked at.
      if (!staffActionsFor(staff, referral.status).includes("schedule")) break;
      const plan = await planBooking(db, staff, referral.id, input as ActionInput<"schedule">, {
        now: ctx.now,
        lng: ctx.lng ?? "en",
      });
      if (!plan.ok) return plan;
      data = plan.data;
      takeSlot = plan.takeSlot;
      break;
    }
  }
  if (isOverride(action, referral.screen_outcome))
    data = { ...data, override: true, screenOutcome: referral.screen_outcome };
  if (ctx.citesRecommendation && stepsCitingRecommendation.includes(action)) {
    const cited = (await recommendationsOf(db, referral.id)).find((r) => r.id === ctx.citesRecommendation);
    if (cited)
      data = {
        ...data,
        jointRecommendation: {
          itemId: cited.id,
          conferenceId: cited.conference_id,
          recommendation: cited.recommendation,
        },
      };
  }

  // The reviewer's clinical decision: accept and decline need an agreeing one where the site asks for sign-off; any
  // decision that agrees with the newest recording names it, and its letter quotes it.
  let clinicalDecisionId: string | null = null;
  // Only for a step the workflow allows now: otherwise the core answers why not (illegal_transition), not the sign-off.
  if (letterDecisionOf[action] && staffActionsFor(staff, referral.status).includes(action)) {
    const latest = await currentClinicalDecision(db, referral.id, staff.siteCode);
    const check = checkSignoff(action, await clinicalSignoffRequired(db, staff.siteCode), latest);
    if (!check.ok)
      return { ok: false, code: check.code, recommendation: check.recommendation, status: referral.status };
    if (latest && latest.recommendation === action) {
      clinicalDecisionId = latest.id;
      data = { ...data, clinicalDecisionId };
    }
  }

  const kind = notificationOf[action];
  let result: TransitionResult | { ok: false; code: "slot_taken" };
  try {
    result = await transitionReferral(db, {
      referralId: id,
      actor: { id: staff.id, role: staff.role },
      action,
      reasonCode,
      note,
      data,
      ip: ctx.ip,
      now: ctx.now,
      expectSite: staff.siteCode,
      within: async (trx, before, after) => {
        // A reviewer recorded again between the check and this step: undo the step rather than act on an old record.
        if (
          clinicalDecisionId &&
          (await currentClinicalDecision(trx, before.id, staff.siteCode))?.id !== clinicalDecisionId
        )
          throw new ClinicalDecisionChanged();
        if (takeSlot) await takeSlot(trx, after.id);
        await issueLetter(trx, {
          before,
          after,
          action,
          issuer: { id: staff.id, role: staff.role },
          reasonCode,
          note,
          clinicalDecisionId,
          now: ctx.now,
          ip: ctx.ip,
        });
        if (!kind) return;
        const [physician] = await usersByIds(trx, [after.physician_id]);
        if (!physician?.email) return;
        const names = await siteNames(trx);
        const speaksFor = (kind === "redirected" ? after.site_code : before.site_code) as keyof typeof names;
        await queueNotification(trx, {
          kind,
          referralId: after.id,
          recipient: {
            email: physician.email,
            familyName: physician.family_name,
            givenName: physician.given_name,
            language: physician.preferred_language,
          },
          facts: {
            referenceCode: after.reference_code ?? "",
            siteName: names[speaksFor] ?? { ko: speaksFor, ja: speaksFor, en: speaksFor },
            documents: data.documents as string[] | undefined,
            fields: data.fields as string[] | undefined,
            reasonCode: reasonCode ?? undefined,
            consultation: kind === "scheduled" ? (data as ConsultationData) : undefined,
            siteCode: before.site_code ?? undefined,
            siteContacts: kind === "scheduled" ? await siteContactsOf(trx, before.site_code) : undefined,
            calendarLink: kind === "scheduled" ? `${ctx.portalUrl}/referrals/${after.id}/consultation.ics` : undefined,
          },
          link: `${ctx.portalUrl}/referrals/${after.id}`,
          now: ctx.now,
        });
      },
    });
  } catch (error) {
    if (error instanceof ClinicalDecisionChanged)
      return { ok: false, code: "clinical_decision_changed", status: referral.status };
    // Another coordinator took the slot between the check and the transaction: nothing was written.
    if (error instanceof SlotTakenError) result = { ok: false, code: "slot_taken" };
    else throw error;
  }
  if (!result.ok) {
    if (result.code === "slot_taken") return { ok: false, code: "slot_taken" };
    const current = await findReferral(db, id);
    return { ok: false, code: result.code, status: current?.status };
  }
  return result;
}

/** Claims or assigns several referrals of the queue at once: each is its own step (own transaction and audit). */
export async function bulkTriage(
  db: Database,
  staff: Staff,
  input: { ids: string[]; action: "claim" | "assign"; assigneeId?: string },
  ctx: StaffContext,
) {
  let done = 0;
  const refused: string[] = [];
  for (const id of [...new Set(input.ids)]) {
    const result =
      input.action === "claim"
        ? await performStaffAction(db, staff, id, "claim", {}, ctx)
        : await performStaffAction(db, staff, id, "assign", { assigneeId: input.assigneeId ?? "" }, ctx);
    if (result.ok) done += 1;
    else refused.push(id);
  }
  return { done, refused: refused.length };
}

/** An internal note: staff of the site only, never shown to the physician or the patient. */
export async function addNote(
  db: Database,
  staff: Staff,
  id: string,
  body: string,
  ctx: StaffContext,
): Promise<boolean> {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return false;
  await db.transaction().execute(async (trx) => {
    const noteId = newId();
    await insertNote(trx, {
      id: noteId,
      referral_id: id,
      author_id: staff.id,
      body,
      created_at: ctx.now.toISOString(),
    });
    // The audit says a note was written, never what it says.
    await recordAudit(trx, {
      actor: { id: staff.id, role: staff.role },
      action: "referral.note_added",
      subjectType: "referral",
      subjectId: id,
      detail: { noteId },
      ip: ctx.ip,
      at: ctx.now,
    });
  });
  return true;
}

/** A message to the referring physician: kept with the referral, and the physician is told by mail that it waits. */
export async function sendMessage(
  db: Database,
  staff: Staff,
  id: string,
  body: string,
  ctx: StaffContext,
): Promise<boolean> {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return false;
  await db.transaction().execute(async (trx) => {
    const messageId = newId();
    await insertMessage(trx, {
      id: messageId,
      referral_id: id,
      author_id: staff.id,
      author_role: staff.role,
      body,
      created_at: ctx.now.toISOString(),
    });
    await recordAudit(trx, {
      actor: { id: staff.id, role: staff.role },
      action: "referral.message_sent",
      subjectType: "referral",
      subjectId: id,
      detail: { messageId },
      ip: ctx.ip,
      at: ctx.now,
    });
    const [physician] = await usersByIds(trx, [referral.physician_id]);
    if (!physician?.email) return;
    const names = await siteNames(trx);
    const code = referral.site_code as keyof typeof names;
    await queueNotification(trx, {
      kind: "message",
      referralId: id,
      recipient: {
        email: physician.email,
        familyName: physician.family_name,
        givenName: physician.given_name,
        language: physician.preferred_language,
      },
      facts: {
        referenceCode: referral.reference_code ?? "",
        siteName: names[code] ?? { ko: code, ja: code, en: code },
      },
      link: `${ctx.portalUrl}/referrals/${id}`,
      now: ctx.now,
    });
  });
  return true;
}
