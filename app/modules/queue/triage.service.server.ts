import { checkSignoff, type Recommendation } from "~/domain/clinical-decision/clinical-decision";
import { availableActions } from "~/domain/workflow/transitions";
import type { ReferralStatus } from "~/domain/workflow/states";
import type { DayWarning } from "~/domain/scheduling/weekly-pattern";
import type { Language } from "~/i18n/config";
import { currentClinicalDecision } from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { recommendationsOf } from "~/modules/conferences/conferences.repository.server";
import { issueLetter, letterDecisionOf } from "~/modules/letters/letters.service.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { toReferral, type Referral } from "~/modules/referrals/referral.mapper.server";
import { findReferral, type ReferralRow } from "~/modules/referrals/referrals.repository.server";
import { transitionReferral, type TransitionResult } from "~/modules/referrals/referrals.service.server";
import { planBooking, SlotTakenError, type ConsultationData } from "~/modules/scheduling/booking.service.server";
import { siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { clinicalSignoffRequired } from "~/modules/sites/sites.service.server";
import type { Database } from "~/utils/db.server";
import { notifyPhysician } from "./physician-notice.server";
import type { NotificationKind } from "~/modules/notifications/physician-mail.server";
import { staffActions, type ActionInput, type StaffAction } from "./queue.schema";
import { siteTeam } from "./site-team.server";
import type { Staff } from "./staff.server";

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
export async function referralForStaff(db: Database, staff: Staff, id: string): Promise<Referral | null> {
  const row = await findReferral(db, id);
  return row && canSeeReferral(staff, row) ? toReferral(row) : null;
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

export type ActionFailure = TransitionResult extends infer R
  ? R extends { ok: false; code: infer C }
    ? C
    : never
  : never;
export type SignoffFailure = "clinical_decision_required" | "clinical_decision_differs" | "clinical_decision_changed";
type BookingFailure = "date_in_past" | "time_in_past" | "slot_gone" | "slot_taken";
type Refusal = {
  ok: false;
  code: ActionFailure | SignoffFailure | BookingFailure | "invalid_assignee";
  status?: string;
  recommendation?: Recommendation;
};
type DayToConfirm = { ok: false; code: "confirm_day"; warnings: DayWarning[]; date: string; status?: string };
export type StaffActionResult = { ok: true; referral: Referral } | Refusal | DayToConfirm;

/** Thrown inside the step's transaction when the clinical decision it was checked against is no longer the newest. */
class ClinicalDecisionChanged extends Error {}

const notificationOf: Partial<Record<StaffAction, NotificationKind>> = {
  request_info: "info_requested",
  accept: "accepted",
  decline: "declined",
  redirect: "redirected",
  schedule: "scheduled",
};

/** What one step records: its reason, note and event data, and for a booking the slot to take inside the step. */
type Step = {
  reasonCode: string | null;
  note: string | null;
  data: Record<string, unknown>;
  takeSlot: ((trx: Database, referralId: string) => Promise<void>) | null;
};

/** The step's reason, note and data from the action's checked input; a refusal when the input cannot be acted on. */
async function stepOf<A extends StaffAction>(
  db: Database,
  staff: Staff,
  referral: Referral,
  action: A,
  input: ActionInput<A>,
  ctx: StaffContext,
): Promise<Step | Refusal | DayToConfirm> {
  const step: Step = { reasonCode: null, note: null, data: {}, takeSlot: null };
  switch (action) {
    case "assign": {
      const { assigneeId } = input as ActionInput<"assign">;
      const people = await siteTeam(db, staff.siteCode, ctx.now);
      if (!people.some((p) => p.id === assigneeId)) return { ok: false, code: "invalid_assignee" };
      return { ...step, data: { assigneeId } };
    }
    case "request_info": {
      const v = input as ActionInput<"request_info">;
      return { ...step, data: { documents: v.documents, fields: v.fields }, note: v.message ?? null };
    }
    case "accept":
    case "close":
      return { ...step, note: (input as ActionInput<"accept">).note ?? null };
    case "decline":
    case "redirect": {
      const v = input as ActionInput<"decline">;
      return { ...step, reasonCode: v.reasonCode, note: v.note ?? null };
    }
    case "schedule": {
      // A referral that cannot be scheduled now is refused by the workflow below, before any slot is looked at.
      if (!staffActionsFor(staff, referral.status).includes("schedule")) return step;
      const plan = await planBooking(db, staff, referral.id, input as ActionInput<"schedule">, {
        now: ctx.now,
        lng: ctx.lng ?? "en",
      });
      if (!plan.ok) return plan;
      return { ...step, data: plan.data, takeSlot: plan.takeSlot };
    }
  }
  return step;
}

/** The joint conference's recommendation this step follows, as kept in the event (issue 10). */
async function citedRecommendation(db: Database, referralId: string, action: StaffAction, ctx: StaffContext) {
  if (!ctx.citesRecommendation || !stepsCitingRecommendation.includes(action)) return null;
  const cited = (await recommendationsOf(db, referralId)).find((r) => r.id === ctx.citesRecommendation);
  return cited ? { itemId: cited.id, conferenceId: cited.conference_id, recommendation: cited.recommendation } : null;
}

/**
 * The reviewer's clinical decision: accept and decline need an agreeing one where the site asks for sign-off; any
 * decision that agrees with the newest recording names it, and its letter quotes it.
 */
async function signoffOf(
  db: Database,
  staff: Staff,
  referral: Referral,
  action: StaffAction,
): Promise<{ ok: true; clinicalDecisionId: string | null } | Refusal> {
  // Only for a step the workflow allows now: otherwise the core answers why not (illegal_transition), not the sign-off.
  if (!letterDecisionOf[action] || !staffActionsFor(staff, referral.status).includes(action))
    return { ok: true, clinicalDecisionId: null };
  const latest = await currentClinicalDecision(db, referral.id, staff.siteCode);
  const check = checkSignoff(action, await clinicalSignoffRequired(db, staff.siteCode), latest);
  if (!check.ok) return { ok: false, code: check.code, recommendation: check.recommendation, status: referral.status };
  return { ok: true, clinicalDecisionId: latest && latest.recommendation === action ? latest.id : null };
}

/** What runs inside the step's transaction after the state changed: the slot, the letter and the physician's mail. */
function withinStep(
  staff: Staff,
  action: StaffAction,
  step: Step,
  clinicalDecisionId: string | null,
  ctx: StaffContext,
) {
  return async (trx: Database, before: ReferralRow, after: ReferralRow) => {
    // A reviewer recorded again between the check and this step: undo the step rather than act on an old record.
    if (
      clinicalDecisionId &&
      (await currentClinicalDecision(trx, before.id, staff.siteCode))?.id !== clinicalDecisionId
    )
      throw new ClinicalDecisionChanged();
    if (step.takeSlot) await step.takeSlot(trx, after.id);
    await issueLetter(trx, {
      before,
      after,
      action,
      issuer: { id: staff.id, role: staff.role },
      reasonCode: step.reasonCode,
      note: step.note,
      clinicalDecisionId,
      now: ctx.now,
      ip: ctx.ip,
    });
    const kind = notificationOf[action];
    if (!kind) return;
    const scheduled = kind === "scheduled";
    await notifyPhysician(trx, {
      kind,
      referral: { id: after.id, physicianId: after.physician_id, referenceCode: after.reference_code },
      // A redirect speaks for the site the referral moved to; every other step for the site that took it.
      speaksFor: kind === "redirected" ? after.site_code : before.site_code,
      facts: {
        documents: step.data.documents as string[] | undefined,
        fields: step.data.fields as string[] | undefined,
        reasonCode: step.reasonCode ?? undefined,
        consultation: scheduled ? (step.data as ConsultationData) : undefined,
        siteCode: before.site_code ?? undefined,
        siteContacts: scheduled ? await siteContactsOf(trx, before.site_code) : undefined,
        calendarLink: scheduled ? `${ctx.portalUrl}/referrals/${after.id}/consultation.ics` : undefined,
      },
      ctx,
    });
  };
}

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
  const step = await stepOf(db, staff, referral, action, input, ctx);
  if ("ok" in step) return step;
  if (isOverride(action, referral.screenOutcome))
    step.data = { ...step.data, override: true, screenOutcome: referral.screenOutcome };
  const jointRecommendation = await citedRecommendation(db, referral.id, action, ctx);
  if (jointRecommendation) step.data = { ...step.data, jointRecommendation };
  const signoff = await signoffOf(db, staff, referral, action);
  if (!signoff.ok) return signoff;
  const { clinicalDecisionId } = signoff;
  if (clinicalDecisionId) step.data = { ...step.data, clinicalDecisionId };

  let result: TransitionResult;
  try {
    result = await transitionReferral(db, {
      referralId: id,
      actor: { id: staff.id, role: staff.role },
      action,
      reasonCode: step.reasonCode,
      note: step.note,
      data: step.data,
      ip: ctx.ip,
      now: ctx.now,
      expectSite: staff.siteCode,
      within: withinStep(staff, action, step, clinicalDecisionId, ctx),
    });
  } catch (error) {
    if (error instanceof ClinicalDecisionChanged)
      return { ok: false, code: "clinical_decision_changed", status: referral.status };
    // Another coordinator took the slot between the check and the transaction: nothing was written.
    if (error instanceof SlotTakenError) return { ok: false, code: "slot_taken" };
    throw error;
  }
  if (!result.ok) return { ok: false, code: result.code, status: (await findReferral(db, id))?.status };
  return { ok: true, referral: toReferral(result.referral) };
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
