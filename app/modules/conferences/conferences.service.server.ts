// Joint case conferences of Konyang and QST (issue 10; docs/decisions/0018-joint-review-and-conferences.md):
// scheduling, the agenda, the meeting's recommendations and the end of the meeting, which publishes the minutes and
// tells each referring physician the recommendation for their referral.
import { siteCodes } from "~/domain/routing/sites";
import {
  jointRecommendations,
  needsAnotherConference,
  type JointRecommendation,
} from "~/domain/joint-review/joint-review";
import { todayAt } from "~/modules/referrals/clock.server";
import { zonedInstant } from "~/domain/scheduling/zoned-time";
import { activeSiteStaff } from "~/modules/accounts/accounts.repository.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { jointEvent } from "~/modules/joint-review/joint-review-events.server";
import {
  jointReviewById,
  jointReviewsAwaitingAgenda,
  openJointReviewsOfSite,
} from "~/modules/joint-review/joint-review.repository.server";
import { placeOnAgenda } from "~/modules/joint-review/joint-review.service.server";
import { notifyPhysician } from "~/modules/queue/physician-notice.server";
import { usersByIds } from "~/modules/queue/queue.repository.server";
import { siteClockOf, type Staff } from "~/modules/queue/staff.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import {
  agendaItemById,
  agendaOf,
  attendeesOf,
  conferenceById,
  heldConferences,
  insertConference,
  markConferenceHeld,
  recommendationCounts,
  recordAgendaRecommendation,
  scheduledConferences,
  type ConferenceRow,
} from "./conferences.repository.server";
import type { ConferenceInput, RecommendationInput } from "./conferences.schema";

export type ConferenceContext = { now: Date; ip: string | null; portalUrl: string };

export type ScheduleResult = { ok: true; id: string; agenda: number } | { ok: false; errors: Record<string, string> };

/** The people who may be invited: both sites' coordinators and reviewers. */
export async function inviteesOf(db: Database) {
  return (await activeSiteStaff(db)).map((p) => ({
    id: p.id,
    familyName: p.family_name,
    givenName: p.given_name,
    role: p.role,
    siteCode: p.site_code ?? "",
  }));
}

/**
 * Why these people cannot be a joint conference's attendees (a translation key), or null. A joint conference needs
 * both teams in the room. The form asks it even when other fields are wrong, so every problem shows at once.
 */
export function attendeesProblem(invitees: { id: string; siteCode: string }[], ids: string[]): string | null {
  const byId = new Map(invitees.map((p) => [p.id, p.siteCode]));
  const sites = new Set(ids.map((id) => byId.get(id)));
  return sites.has(undefined) || !siteCodes.every((code) => sites.has(code))
    ? "conferences:validation.attendeesBothSites"
    : null;
}

/**
 * A coordinator schedules a conference; times are typed on their own site's clock. Open joint reviews waiting for an
 * agenda go on this one's (the cut-off is still ahead). Errors are translation keys per field.
 */
export async function scheduleConference(
  db: Database,
  staff: Staff,
  input: ConferenceInput,
  ctx: ConferenceContext,
): Promise<ScheduleResult> {
  const { timezone } = await siteClockOf(db, staff.siteCode);
  const startsAt = zonedInstant(input.date, input.time, timezone);
  const cutoffAt = zonedInstant(input.cutoffDate, input.cutoffTime, timezone);
  const invitees = await inviteesOf(db);
  const byId = new Map(invitees.map((p) => [p.id, p]));
  const chosen = [...new Set([...input.attendees, input.chairId])].map((id) => byId.get(id));
  const errors: Record<string, string> = {};
  if (startsAt <= ctx.now) errors.date = "conferences:validation.startInPast";
  if (cutoffAt <= ctx.now) errors.cutoffDate = "conferences:validation.cutoffInPast";
  if (!byId.has(input.chairId)) errors.chairId = "conferences:validation.chairRequired";
  const attendeesError = attendeesProblem(invitees, [...input.attendees, input.chairId]);
  if (attendeesError) errors.attendees = attendeesError;
  if (Object.keys(errors).length) return { ok: false, errors };

  const id = newId();
  const agenda = await db.transaction().execute(async (trx) => {
    await insertConference(
      trx,
      {
        id,
        starts_at: startsAt.toISOString(),
        duration_minutes: input.duration,
        agenda_cutoff_at: cutoffAt.toISOString(),
        place: input.place ?? null,
        video_url: input.videoUrl ?? null,
        chair_id: input.chairId,
        status: "scheduled",
        created_by: staff.id,
        created_site_code: staff.siteCode,
        created_at: ctx.now.toISOString(),
      },
      chosen.map((p) => ({ user_id: p!.id, site_code: p!.siteCode })),
    );
    let added = 0;
    for (const review of await jointReviewsAwaitingAgenda(trx))
      if (await placeOnAgenda(trx, review, ctx.now)) added += 1;
    const audit = auditBy(trx, staff, ctx);
    await audit("conference.scheduled", ["conference", id], {
      startsAt: startsAt.toISOString(),
      attendees: chosen.length,
      agenda: added,
    });
    return added;
  });
  return { ok: true, id, agenda };
}

/** Conferences to come and the latest held, for the conferences page. */
export async function conferenceList(db: Database) {
  const summary = async (c: ConferenceRow) => ({
    id: c.id,
    startsAt: c.starts_at,
    agendaCutoffAt: c.agenda_cutoff_at,
    place: c.place,
    videoUrl: c.video_url,
    status: c.status,
    cases: (await agendaOf(db, c.id)).length,
  });
  return {
    upcoming: await Promise.all((await scheduledConferences(db)).map(summary)),
    held: await Promise.all((await heldConferences(db, 20)).map(summary)),
  };
}

export type AgendaLine = {
  id: string;
  referralId: string;
  jointReviewId: string;
  referenceCode: string;
  ownerSite: string;
  /** The reader's own site's referral: they may see the patient's name and open the referral in their queue. */
  ownedByReader: boolean;
  patient: { familyName: string; givenName: string } | null;
  indication: string | null;
  question: string;
  presenter: { familyName: string; givenName: string } | null;
  reviewOpen: boolean;
  recommendation: JointRecommendation | null;
  rationale: string | null;
  present: string[];
  recordedAt: string | null;
};

/** A conference as a coordinator or reviewer of either site reads it; the patient is named only to the owning site. */
export async function conferenceDetail(db: Database, staff: Staff, id: string) {
  const conference = await conferenceById(db, id);
  if (!conference) return null;
  const attendees = await attendeesOf(db, id);
  const agenda: AgendaLine[] = (await agendaOf(db, id)).map((a) => {
    const owned = a.owner_site_code === staff.siteCode;
    return {
      id: a.id,
      referralId: a.referral_id,
      jointReviewId: a.joint_review_id,
      referenceCode: a.reference_code ?? "",
      ownerSite: a.owner_site_code,
      ownedByReader: owned,
      patient: owned ? { familyName: a.patient_family_name ?? "", givenName: a.patient_given_name ?? "" } : null,
      indication: a.indication,
      question: a.question,
      presenter:
        a.presenter_family_name !== null
          ? { familyName: a.presenter_family_name, givenName: a.presenter_given_name ?? "" }
          : null,
      reviewOpen: a.review_status === "open",
      recommendation: (a.recommendation as JointRecommendation | null) ?? null,
      rationale: a.rationale,
      present: a.present_json ? (JSON.parse(a.present_json) as string[]) : [],
      recordedAt: a.recorded_at,
    };
  });
  const chair = attendees.find((p) => p.id === conference.chair_id) ?? (await usersByIds(db, [conference.chair_id]))[0];
  return {
    conference,
    chair: chair ? { familyName: chair.family_name, givenName: chair.given_name } : null,
    isChair: conference.chair_id === staff.id,
    attendees: attendees.map((p) => ({
      id: p.id,
      familyName: p.family_name,
      givenName: p.given_name,
      role: p.role,
      siteCode: p.site_code,
    })),
    agenda,
  };
}

export type RecordResult =
  | { ok: true }
  | { ok: false; code: "not_found" | "not_chair" | "conference_held" | "review_closed" | "present_unknown" };

/** The chair records (or corrects, until the meeting ends) the joint recommendation for one case of the agenda. */
export async function recordRecommendation(
  db: Database,
  staff: Staff,
  conferenceId: string,
  itemId: string,
  input: RecommendationInput,
  ctx: ConferenceContext,
): Promise<RecordResult> {
  const conference = await conferenceById(db, conferenceId);
  const item = conference ? await agendaItemById(db, conferenceId, itemId) : undefined;
  if (!conference || !item) return { ok: false, code: "not_found" };
  if (conference.chair_id !== staff.id) return { ok: false, code: "not_chair" };
  if (conference.status !== "scheduled") return { ok: false, code: "conference_held" };
  const review = await jointReviewById(db, item.joint_review_id);
  if (review?.status !== "open") return { ok: false, code: "review_closed" };
  const attendees = new Set((await attendeesOf(db, conferenceId)).map((p) => p.id));
  if (input.present.some((id) => !attendees.has(id))) return { ok: false, code: "present_unknown" };
  await db.transaction().execute(async (trx) => {
    await recordAgendaRecommendation(trx, item.id, {
      recommendation: input.recommendation,
      rationale: input.rationale,
      present_json: JSON.stringify(input.present),
      recorded_by: staff.id,
      recorded_at: ctx.now.toISOString(),
    });
    const referral = await findReferral(trx, item.referral_id);
    if (referral)
      await jointEvent(trx, referral, staff, "joint_recommendation", ctx.now, {
        conferenceId,
        itemId: item.id,
        recommendation: input.recommendation,
      });
    const audit = auditBy(trx, staff, ctx);
    await audit("conference.recommendation_recorded", ["referral", item.referral_id], {
      conferenceId,
      itemId: item.id,
      recommendation: input.recommendation,
      present: input.present.length,
    });
  });
  return { ok: true };
}

export type FinishResult =
  { ok: true; told: number; carried: number } | { ok: false; code: "not_found" | "not_chair" | "conference_held" };

/**
 * The chair ends the meeting: the minutes are final, each referring physician is told the recommendation for their
 * referral (in their language, through the outbox), and cases left without an answer or needing more information go
 * on to the next conference's agenda.
 */
export async function finishConference(
  db: Database,
  staff: Staff,
  conferenceId: string,
  ctx: ConferenceContext,
): Promise<FinishResult> {
  const conference = await conferenceById(db, conferenceId);
  if (!conference) return { ok: false, code: "not_found" };
  if (conference.chair_id !== staff.id) return { ok: false, code: "not_chair" };
  return db.transaction().execute(async (trx) => {
    if (!(await markConferenceHeld(trx, conferenceId, ctx.now.toISOString())))
      return { ok: false, code: "conference_held" } as const;
    let told = 0;
    let carried = 0;
    for (const item of await agendaOf(trx, conferenceId)) {
      if (item.recommendation) {
        const referral = { id: item.referral_id, physicianId: item.physician_id, referenceCode: item.reference_code };
        const facts = { recommendation: item.recommendation };
        const speaksFor = item.owner_site_code;
        if (await notifyPhysician(trx, { kind: "joint_recommendation", referral, speaksFor, facts, ctx })) told += 1;
      }
      if (item.review_status === "open" && needsAnotherConference(item.recommendation)) {
        if (await placeOnAgenda(trx, { id: item.joint_review_id, referral_id: item.referral_id }, ctx.now))
          carried += 1;
      }
    }
    const audit = auditBy(trx, staff, ctx);
    await audit("conference.held", ["conference", conferenceId], { told, carried });
    return { ok: true, told, carried } as const;
  });
}

/** The referrals under joint review that concern a site, as owner or as partner; the patient named only to the owner. */
export async function jointReviewsOfSite(db: Database, staff: Staff) {
  return (await openJointReviewsOfSite(db, staff.siteCode)).map((r) => {
    const owned = r.owner_site_code === staff.siteCode;
    return {
      id: r.id,
      referralId: r.referral_id,
      referenceCode: r.reference_code ?? "",
      ownedByReader: owned,
      ownerSite: r.owner_site_code,
      patient: owned ? { familyName: r.patient_family_name ?? "", givenName: r.patient_given_name ?? "" } : null,
      indication: r.indication,
      question: r.question,
      proposedAt: r.proposed_at,
    };
  });
}

/**
 * The site's joint work on its dashboard: referrals under joint review (owned or shared with it) with their age in
 * days, and the recommendations given in the period, by outcome.
 */
export async function jointDashboard(db: Database, staff: Staff, periodDays: number, now: Date) {
  const { timezone } = await siteClockOf(db, staff.siteCode);
  const today = todayAt(timezone, now);
  const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const reviews = (await jointReviewsOfSite(db, staff)).map((r) => ({
    ...r,
    ageDays: dayNumber(today) - dayNumber(todayAt(timezone, new Date(r.proposedAt))),
  }));
  const from = new Date(now.getTime() - periodDays * 86_400_000).toISOString();
  const counts = new Map(
    (await recommendationCounts(db, staff.siteCode, from)).map((r) => [r.recommendation, Number(r.n)]),
  );
  return { reviews, recommendations: jointRecommendations.map((code) => ({ code, count: counts.get(code) ?? 0 })) };
}
