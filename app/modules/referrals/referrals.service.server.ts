import crypto from "node:crypto";
import { stepsThatEndJointReview } from "~/domain/joint-review/joint-review";
import { endJointReview } from "~/modules/joint-review/joint-review-events.server";
import type { ReferralCase } from "~/domain/case/schema";
import type { RuleSet } from "~/domain/eligibility/types";
import { referenceCodeFrom } from "~/domain/reference-code/reference-code";
import { toDecisionJson, type SiteCode } from "~/domain/screen";
import { clockStoppingActions, checkTransition, type WorkflowAction } from "~/domain/workflow/transitions";
import type { ReferralStatus } from "~/domain/workflow/states";
import type { Role } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { notifyPatientOfStep } from "~/modules/patient-notifications/patient-notifications.service.server";
import { screenCase, type ScreeningRecord } from "~/modules/screening/screening.service.server";
import type { Database } from "~/utils/db.server";
import { homeSiteFor, otherSite, siteByCode, type SiteFacts } from "~/domain/routing/site-facts";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { newId } from "~/utils/tokens.server";
import { startClock, stopClock, todayAt } from "./clock.server";
import {
  findReferral,
  insertReferral,
  insertReferralEvent,
  insertReferralScreen,
  referenceCodeTaken,
  updateReferral,
  type ReferralRow,
} from "./referrals.repository.server";

export type Actor = { id: string; role: Exclude<Role, "admin" | "researcher"> } | { id: null; role: "system" };
type SiteInfo = { code: SiteCode; country: string; timezone: string };

/** A site's country and time zone (for its calendar and clock), from the sites table. */
function siteInfo(site: SiteFacts | undefined, code: string | null): SiteInfo {
  if (!site) throw new Error(`unknown site ${code}`);
  return { code: site.code, country: site.country, timezone: site.timezone };
}

async function uniqueReferenceCode(db: Database, random: (n: number) => Uint8Array): Promise<string> {
  for (;;) {
    const code = referenceCodeFrom(random(14));
    if (!(await referenceCodeTaken(db, code))) return code;
  }
}

function patientColumns(caseData: ReferralCase) {
  const p = caseData.patient;
  return {
    patient_family_name: p.familyName,
    patient_given_name: p.givenName,
    patient_latin_name: [p.familyNameLatin, p.givenNameLatin].filter(Boolean).join(" ") || null,
    patient_birth_date: p.birthDate,
    patient_language: p.preferredLanguage,
    indication: caseData.diagnosis.indication,
    urgency: caseData.urgency,
  };
}

/** Thrown by submitReferral when `draftId` names no draft of this physician (already submitted, or not theirs). */
export class DraftNotSubmittableError extends Error {
  constructor() {
    super("draft_not_submittable");
    this.name = "DraftNotSubmittableError";
  }
}

export type SubmitInput = {
  physician: { id: string; country: string };
  caseData: ReferralCase;
  now: Date;
  /** An existing draft to submit; a new referral otherwise. */
  draftId?: string;
  random?: (n: number) => Uint8Array;
  /** The rule set to screen with; by default the one in force on the referral date (the demo seed replays older days). */
  ruleset?: RuleSet;
};

/** Stores a screening of the referral in its history, and gives the referral's columns that carry its answer. */
async function storeScreen(trx: Database, referralId: string, at: string, record: ScreeningRecord) {
  const decisionJson = JSON.stringify(toDecisionJson(record.decision));
  await insertReferralScreen(trx, {
    id: newId(),
    referral_id: referralId,
    screened_at: at,
    outcome: record.decision.outcome,
    ruleset_version: record.rulesetVersion,
    site_config_versions: JSON.stringify(record.siteConfigVersions),
    decision_json: decisionJson,
  });
  return { screen_outcome: record.decision.outcome, decision_json: decisionJson };
}

/** The site a new referral goes to; with no candidate site, the referring physician's country's (no border crossed). */
async function submitSite(trx: Database, record: ScreeningRecord, physicianCountry: string): Promise<SiteInfo> {
  const sites = await siteFacts(trx);
  const routed = record.decision.route.site;
  return siteInfo(routed ? siteByCode(sites, routed) : homeSiteFor(sites, physicianCountry), routed);
}

/** The draft's row becomes the referral, or a new row is made; a draft is submitted once, by its own physician. */
async function writeSubmitted(
  trx: Database,
  input: SubmitInput,
  columns: Omit<Parameters<typeof insertReferral>[1], "id" | "physician_id" | "created_at">,
  at: string,
) {
  const id = input.draftId;
  if (!id) {
    const newRow = newId();
    await insertReferral(trx, { id: newRow, physician_id: input.physician.id, created_at: at, ...columns });
    return newRow;
  }
  // A second click (or another tab) finds it no longer a draft.
  const draft = await findReferral(trx, id);
  if (!draft || draft.status !== "draft" || draft.physician_id !== input.physician.id)
    throw new DraftNotSubmittableError();
  await updateReferral(trx, id, columns);
  return id;
}

/** The history of a submission: the physician submits, the system routes it to its site. */
async function submitEvents(
  trx: Database,
  id: string,
  at: string,
  physicianId: string,
  site: SiteInfo,
  record: ScreeningRecord,
) {
  const common = { referral_id: id, occurred_at: at, reason_code: null, note: null };
  await insertReferralEvent(trx, {
    ...common,
    id: newId(),
    actor_user_id: physicianId,
    actor_role: "physician",
    action: "submit",
    from_status: "draft",
    to_status: "submitted",
    site_code: null,
    data: "{}",
  });
  await insertReferralEvent(trx, {
    ...common,
    id: newId(),
    actor_user_id: null,
    actor_role: "system",
    action: "route",
    from_status: "submitted",
    to_status: "triage",
    site_code: site.code,
    data: JSON.stringify({ route: record.decision.route, fallback: record.decision.route.site === null }),
  });
}

/**
 * Submits a complete, valid case (the caller validated it with caseSchema and checked the consents):
 * screens and routes it, issues the reference code, starts the clock, and records everything in one transaction.
 */
export async function submitReferral(
  db: Database,
  input: SubmitInput,
): Promise<{ id: string; referenceCode: string; record: ScreeningRecord }> {
  const random = input.random ?? ((n: number) => crypto.randomBytes(n));
  return db.transaction().execute(async (trx) => {
    const record = await screenCase(trx, input.caseData, input.ruleset);
    const referenceCode = await uniqueReferenceCode(trx, random);
    const site = await submitSite(trx, record, input.physician.country);
    const at = input.now.toISOString();
    const today = todayAt(site.timezone, input.now);
    const decisionJson = JSON.stringify(toDecisionJson(record.decision));
    const columns = {
      reference_code: referenceCode,
      status: "triage" as ReferralStatus,
      site_code: site.code,
      case_json: JSON.stringify(input.caseData),
      ...patientColumns(input.caseData),
      screen_outcome: record.decision.outcome,
      decision_json: decisionJson,
      ...startClock(site.country, today, input.caseData.urgency),
      updated_at: at,
      submitted_at: at,
      status_changed_at: at,
    };
    const id = await writeSubmitted(trx, input, columns, at);
    await storeScreen(trx, id, at, record);
    await submitEvents(trx, id, at, input.physician.id, site, record);
    const audit = auditBy(trx, { id: input.physician.id, role: "physician" }, { now: input.now });
    await audit("referral.submitted", ["referral", id], { site: site.code, outcome: record.decision.outcome });
    // A patient who opted in hears that the referral was received (issue #17).
    await notifyPatientOfStep(trx, {
      referral: (await findReferral(trx, id))!,
      from: null,
      action: "route",
      now: input.now,
    });
    return { id, referenceCode, record };
  });
}

export type TransitionInput = {
  referralId: string;
  actor: Actor;
  action: Exclude<WorkflowAction, "submit" | "route">;
  reasonCode?: string | null;
  note?: string | null;
  /** Action-specific facts kept with the event (assignee, requested items, consultation...). */
  data?: Record<string, unknown>;
  /**
   * The case as changed by this step (the physician's answer to a request for information): stored in place of the
   * old one and screened again with the current configuration, in the same transaction; the history keeps both
   * decisions (workflow.md, "Re-screening"). The referral stays at its site.
   */
  caseData?: ReferralCase;
  ip?: string | null;
  now: Date;
  /** Staff act on their own site's referrals: when given, a referral at another site (read inside the transaction) is not_found. */
  expectSite?: string;
  /** Runs inside the transaction after the event and audit (e.g. queues the physician's notification with the change). */
  within?: (trx: Database, before: ReferralRow, after: ReferralRow) => Promise<void>;
};

export type TransitionResult =
  | { ok: true; referral: ReferralRow }
  | {
      ok: false;
      code: "not_found" | "illegal_transition" | "not_allowed_for_role" | "reason_required" | "no_cross_border_consent";
    };

/** What a step changes: the referral's columns, the site its event names, and the facts kept with the event. */
type StepChange = { patch: Partial<ReferralRow>; eventSite: string | null; eventData: Record<string, unknown> };

type StepContext = { trx: Database; referral: ReferralRow; input: TransitionInput; sites: SiteFacts[]; site: SiteInfo };

/**
 * A redirect: the receiving team owes its own answer, so its clock starts on arrival with the full target, in its
 * calendar; the sending site's days are kept in the event, since the referral's columns now count the new clock. The
 * cross-border rule holds for redirects too (routing.md; privacy.md rule 2).
 */
function redirectChange({ referral, input, sites }: StepContext, change: StepChange): StepChange | null {
  const target = siteInfo(otherSite(sites, referral.site_code), referral.site_code);
  const caseData = JSON.parse(referral.case_json) as ReferralCase;
  if (target.country !== caseData.patient.residenceCountry && !caseData.consent.crossBorder) return null;
  return {
    patch: {
      ...change.patch,
      site_code: target.code,
      assignee_id: null,
      ...startClock(target.country, todayAt(target.timezone, input.now), referral.urgency),
    },
    eventSite: target.code,
    eventData: { ...change.eventData, clockUsedDays: change.patch.clock_used_days ?? referral.clock_used_days },
  };
}

/** The clock, the decision date and the assignee as the step leaves them; null when a redirect would cross a border. */
function stepChange(ctx: StepContext): StepChange | null {
  const { referral, input, site } = ctx;
  const today = todayAt(site.timezone, input.now);
  const clock = {
    clock_used_days: referral.clock_used_days,
    clock_running_since: referral.clock_running_since,
    clock_due_on: referral.clock_due_on,
  };
  const patch: Partial<ReferralRow> = {};
  // Accept, decline and redirect are only possible from open states, i.e. before the current site decided, so each
  // one is that site's first decision and stops its clock (stopClock leaves a stopped clock alone).
  const decidesHere = clockStoppingActions.includes(input.action);
  if (input.action === "request_info" || input.action === "withdraw" || decidesHere)
    Object.assign(patch, stopClock(site.country, today, clock));
  // first_decision_at stays the referral's very first decision (the dashboard counts it for the site that made it).
  if (decidesHere && !referral.first_decision_at) patch.first_decision_at = input.now.toISOString();
  const change: StepChange = { patch, eventSite: referral.site_code, eventData: input.data ?? {} };
  if (input.action === "redirect") return redirectChange(ctx, change);
  // The physician's answer resumes the current site's clock with the days it had already used.
  if (input.action === "answer_info")
    Object.assign(patch, startClock(site.country, today, referral.urgency, referral.clock_used_days));
  if (input.action === "claim" || input.action === "assign")
    patch.assignee_id =
      input.action === "claim" ? input.actor.id : ((input.data?.assigneeId as string | undefined) ?? null);
  if (input.action === "schedule") patch.consultation_json = JSON.stringify(input.data ?? {});
  return change;
}

/** The changed case, screened again with the current configuration and stored in place of the old one. */
async function rescreenChange(trx: Database, referralId: string, caseData: ReferralCase, at: string) {
  const record = await screenCase(trx, caseData);
  const screened = await storeScreen(trx, referralId, at, record);
  return { case_json: JSON.stringify(caseData), ...patientColumns(caseData), ...screened };
}

/** The step's event in the referral's history, the end of a joint review it takes away, and the audit record. */
async function recordStep(ctx: StepContext, to: ReferralStatus, change: StepChange, at: string) {
  const { trx, referral, input } = ctx;
  await insertReferralEvent(trx, {
    id: newId(),
    referral_id: referral.id,
    occurred_at: at,
    actor_user_id: input.actor.id,
    actor_role: input.actor.role,
    action: input.action,
    from_status: referral.status,
    to_status: to,
    site_code: change.eventSite,
    reason_code: input.reasonCode ?? null,
    note: input.note ?? null,
    data: JSON.stringify(change.eventData),
  });
  // A step that takes the referral out of the owning site's hands ends its joint review, and the partner's reading.
  if ((stepsThatEndJointReview as readonly string[]).includes(input.action))
    await endJointReview(trx, referral.id, input.actor, "referral_left_site", input.now);
  const audit = auditBy(trx, input.actor.id ? { id: input.actor.id, role: input.actor.role } : null, input);
  await audit(`referral.${input.action}`, ["referral", referral.id], {
    from: referral.status,
    to,
    site: change.eventSite,
    reasonCode: input.reasonCode ?? null,
  });
}

/**
 * Moves a referral one step through the workflow: checks the move, keeps the clock, writes the event
 * and the audit record, all in one transaction. The caller has already checked the actor may see it.
 */
export async function transitionReferral(db: Database, input: TransitionInput): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) => {
    const referral = await findReferral(trx, input.referralId);
    if (!referral) return { ok: false, code: "not_found" };
    if (input.expectSite !== undefined && referral.site_code !== input.expectSite)
      return { ok: false, code: "not_found" };
    const check = checkTransition(
      referral.status as ReferralStatus,
      input.action,
      input.actor.role,
      input.reasonCode ?? input.note,
    );
    if (!check.ok) return check;

    const sites = await siteFacts(trx);
    const site = siteInfo(siteByCode(sites, referral.site_code) ?? homeSiteFor(sites, null), referral.site_code);
    const ctx: StepContext = { trx, referral, input, sites, site };
    const at = input.now.toISOString();
    const change = stepChange(ctx);
    if (!change) return { ok: false, code: "no_cross_border_consent" };
    if (input.caseData) Object.assign(change.patch, await rescreenChange(trx, referral.id, input.caseData, at));

    const statusChanged = check.to !== referral.status;
    await updateReferral(trx, referral.id, {
      ...change.patch,
      status: check.to,
      updated_at: at,
      ...(statusChanged ? { status_changed_at: at } : {}),
    });
    await recordStep(ctx, check.to, change, at);
    const updated = await findReferral(trx, referral.id);
    // Every change the patient's status page shows goes through here: a patient who opted in is told (issue #17).
    await notifyPatientOfStep(trx, {
      referral: updated!,
      from: referral.status as ReferralStatus,
      action: input.action,
      now: input.now,
    });
    if (input.within) await input.within(trx, referral, updated!);
    return { ok: true, referral: updated! };
  });
}
