// What each site reads of a joint review: the owning site's panel on its referral page, and the partner site's
// read-only page (the case without who the patient is, the screen, the documents, the joint thread and history).
import type { ReferralCase } from "~/domain/case/schema";
import type { JointRecommendation } from "~/domain/joint-review/joint-review";
import { recommendationsOf, upcomingItemOf } from "~/modules/conferences/conferences.repository.server";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import type { Staff } from "~/modules/queue/staff.server";
import { referralEvents } from "~/modules/referrals/referrals.repository.server";
import { toReferral, type Referral } from "~/modules/referrals/referral.mapper.server";
import type { Database } from "~/utils/db.server";
import type { Language } from "~/i18n/config";
import { formatInstant } from "~/i18n/format";
import { auditPartnerRead, referralForPartner } from "./joint-access.server";
import { jointMessagesOf, latestJointReviewOf, openJointReviewOf } from "./joint-review.repository.server";
import { proposalRefusal, type JointContext } from "./joint-review.service.server";

export type RecommendationView = {
  id: string;
  conferenceId: string;
  conferenceStartsAt: string;
  recommendation: JointRecommendation;
  rationale: string;
  recordedAt: string;
  /** Final once the meeting has ended; until then the chair may still correct it. */
  final: boolean;
};

/** The referral's recommendations, newest first. */
export async function recommendationViews(db: Database, referralId: string): Promise<RecommendationView[]> {
  return (await recommendationsOf(db, referralId)).map((r) => ({
    id: r.id,
    conferenceId: r.conference_id,
    conferenceStartsAt: r.starts_at,
    recommendation: r.recommendation as JointRecommendation,
    rationale: r.rationale ?? "",
    recordedAt: r.recorded_at ?? "",
    final: r.conference_status === "held",
  }));
}

/** The latest joint review of a referral with its thread, recommendations and the conference it waits for. */
async function jointSummary(db: Database, referralId: string) {
  const review = await latestJointReviewOf(db, referralId);
  if (!review) return null;
  const upcoming = review.status === "open" ? await upcomingItemOf(db, review.id) : undefined;
  return {
    id: review.id,
    open: review.status === "open",
    ownerSite: review.owner_site_code,
    partnerSite: review.partner_site_code,
    question: review.question,
    proposedAt: review.proposed_at,
    closedAt: review.closed_at,
    closeReason: review.close_reason,
    messages: (await jointMessagesOf(db, review.id)).map((m) => ({
      id: m.id,
      at: m.created_at,
      author: { familyName: m.family_name, givenName: m.given_name },
      siteCode: m.author_site_code,
      body: m.body,
    })),
    recommendations: await recommendationViews(db, referralId),
    upcoming: upcoming ? { conferenceId: upcoming.conference_id, startsAt: upcoming.starts_at } : null,
  };
}

/** The owning site's joint review panel: the review (if any) and, when none is open, why it cannot be proposed. */
export async function ownerJointPanel(db: Database, referral: Referral) {
  return {
    summary: await jointSummary(db, referral.id),
    refusal: proposalRefusal(referral, await openJointReviewOf(db, referral.id)),
  };
}

/** The joint review's steps in the referral's history: the part of it both sites read. */
async function jointHistory(db: Database, referralId: string) {
  return (await referralEvents(db, referralId))
    .filter((e) => e.action.startsWith("joint_"))
    .map((e) => {
      const data = JSON.parse(e.data || "{}") as Record<string, unknown>;
      return {
        id: e.id,
        at: e.occurred_at,
        action: e.action,
        recommendation: typeof data.recommendation === "string" ? (data.recommendation as JointRecommendation) : null,
        conferenceId: typeof data.conferenceId === "string" ? data.conferenceId : null,
      };
    });
}

/**
 * The partner site's read-only page of a referral under joint review, with the reading written to the audit log;
 * null (the caller answers 404) when this staff member is not the open review's partner.
 */
export async function partnerReferralPage(db: Database, staff: Staff, referralId: string, ctx: JointContext) {
  const shared = await referralForPartner(db, staff, referralId);
  if (!shared) return null;
  await auditPartnerRead(db, staff, shared.review, "page", ctx);
  const referral = toReferral(shared.referral);
  return {
    referral,
    // The case as stored: a partner reads only referrals still open, whose case passed the schema when sent.
    caseData: referral.case ?? (referral.storedCase as ReferralCase),
    decision: referral.decision,
    attachments: await listAttachments(db, referral.id),
    joint: (await jointSummary(db, referral.id))!,
    history: await jointHistory(db, referral.id),
  };
}

type Summary = NonNullable<Awaited<ReturnType<typeof jointSummary>>>;

/** A summary with its moments in the reader's words and clock and its sites by name, for a page. */
export function summaryInWords(summary: Summary, lng: Language, timeZone: string, siteName: (code: string) => string) {
  const at = (iso: string) => formatInstant(iso, lng, timeZone);
  return {
    open: summary.open,
    ownerSite: siteName(summary.ownerSite),
    partnerSite: siteName(summary.partnerSite),
    question: summary.question,
    proposedAt: at(summary.proposedAt),
    closedAt: summary.closedAt ? at(summary.closedAt) : null,
    upcoming: summary.upcoming
      ? {
          conferenceId: summary.upcoming.conferenceId,
          startsAt: formatInstant(summary.upcoming.startsAt, lng, timeZone, "dateTimeZone"),
        }
      : null,
    messages: summary.messages.map((m) => ({ ...m, at: at(m.at), site: siteName(m.siteCode) })),
    recommendations: summary.recommendations.map((r) => ({
      ...r,
      conferenceOn: formatInstant(r.conferenceStartsAt, lng, timeZone, "date"),
    })),
  };
}
