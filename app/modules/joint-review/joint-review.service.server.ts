// Joint review of one referral with the partner site (issue 10; docs/decisions/0018-joint-review-and-conferences.md).
// The owning site proposes and closes; while the review is open the partner site's staff read the referral (never
// its internal notes, its messages with the physician or who the patient is) and write in the joint thread.
// Every read by the partner is in the audit log.
import { conferenceFor, shareableStatuses } from "~/domain/joint-review/joint-review";
import { otherSite } from "~/domain/routing/site-facts";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { insertAgendaItem, scheduledConferences } from "~/modules/conferences/conferences.repository.server";
import type { Staff } from "~/modules/queue/staff.server";
import { referralForStaff } from "~/modules/queue/triage.service.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { endJointReview, jointEvent } from "./joint-review-events.server";
import { referralForPartner } from "./joint-access.server";
import {
  insertJointMessage,
  insertJointReview,
  openJointReviewOf,
  type JointReviewRow,
} from "./joint-review.repository.server";

export type JointContext = { now: Date; ip: string | null };

/** Puts a joint review on the agenda of the next conference whose agenda is still open; false when none is scheduled. */
export async function placeOnAgenda(
  trx: Database,
  review: Pick<JointReviewRow, "id" | "referral_id">,
  at: Date,
): Promise<string | null> {
  const next = conferenceFor(
    (await scheduledConferences(trx)).map((c) => ({
      id: c.id,
      startsAt: c.starts_at,
      agendaCutoffAt: c.agenda_cutoff_at,
      status: c.status,
    })),
    at.toISOString(),
  );
  if (!next) return null;
  await insertAgendaItem(trx, {
    id: newId(),
    conference_id: next.id,
    joint_review_id: review.id,
    referral_id: review.referral_id,
    added_at: at.toISOString(),
  });
  return next.id;
}

export type ProposeResult =
  | { ok: true; reviewId: string; conferenceId: string | null }
  | { ok: false; code: "not_found" | "no_cross_border_consent" | "already_open" | "not_shareable" };

/** Why a referral cannot be proposed now, or null when it can (the page says it before the form is sent). */
export function proposalRefusal(
  referral: Pick<Referral, "status" | "case" | "storedCase">,
  open: JointReviewRow | undefined,
): Exclude<ProposeResult, { ok: true }>["code"] | null {
  if (open) return "already_open";
  if (!shareableStatuses.includes(referral.status)) return "not_shareable";
  // privacy.md rule 2: the other country's hospital reads the case only with the patient's separate consent.
  if (referral.case?.consent.crossBorder !== true) return "no_cross_border_consent";
  return null;
}

/** The owning site asks the partner site to review a referral with it. */
export async function proposeJointReview(
  db: Database,
  staff: Staff,
  referralId: string,
  question: string,
  ctx: JointContext,
): Promise<ProposeResult> {
  const referral = await referralForStaff(db, staff, referralId);
  const partner = otherSite(await siteFacts(db), referral?.siteCode);
  const ownerSite = referral?.siteCode;
  if (!referral || !ownerSite || !partner) return { ok: false, code: "not_found" };
  return db.transaction().execute(async (trx) => {
    const refusal = proposalRefusal(referral, await openJointReviewOf(trx, referralId));
    if (refusal) return { ok: false, code: refusal } as const;
    const review = {
      id: newId(),
      referral_id: referral.id,
      owner_site_code: ownerSite,
      partner_site_code: partner.code,
      question,
      status: "open",
      proposed_by: staff.id,
      proposed_at: ctx.now.toISOString(),
    };
    await insertJointReview(trx, review);
    const conferenceId = await placeOnAgenda(trx, review, ctx.now);
    await jointEvent(trx, referral, staff, "joint_review_proposed", ctx.now, {
      jointReviewId: review.id,
      partnerSite: review.partner_site_code,
      conferenceId,
    });
    const audit = auditBy(trx, staff, ctx);
    await audit("joint_review.proposed", ["referral", referral.id], {
      jointReviewId: review.id,
      partnerSite: review.partner_site_code,
      conferenceId,
    });
    return { ok: true, reviewId: review.id, conferenceId } as const;
  });
}

/** The owning site closes its referral's joint review. */
export async function closeJointReview(
  db: Database,
  staff: Staff,
  referralId: string,
  ctx: JointContext,
): Promise<boolean> {
  const referral = await referralForStaff(db, staff, referralId);
  if (!referral) return false;
  return db.transaction().execute((trx) => endJointReview(trx, referralId, staff, "closed_by_owner", ctx.now));
}

/** A message in the joint thread, by either site while the review is open; false when this person may not write. */
export async function postJointMessage(
  db: Database,
  staff: Staff,
  referralId: string,
  body: string,
  ctx: JointContext,
): Promise<boolean> {
  const owner = await referralForStaff(db, staff, referralId);
  const review = owner
    ? await openJointReviewOf(db, referralId)
    : (await referralForPartner(db, staff, referralId))?.review;
  if (!review) return false;
  await db.transaction().execute(async (trx) => {
    const id = newId();
    await insertJointMessage(trx, {
      id,
      joint_review_id: review.id,
      author_id: staff.id,
      author_site_code: staff.siteCode,
      body,
      created_at: ctx.now.toISOString(),
    });
    // The audit says a message was written, never what it says.
    const audit = auditBy(trx, staff, ctx);
    await audit("joint_review.message_posted", ["referral", referralId], {
      jointReviewId: review.id,
      messageId: id,
      site: staff.siteCode,
    });
  });
  return true;
}
