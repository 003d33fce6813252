// The joint review's steps in a referral's history and its ending. Apart from the service so that the referral core
// (app/modules/referrals/referrals.service.server.ts) can end a review inside its own transaction without a cycle.
import { auditBy } from "~/modules/audit/audit.service.server";
import { findReferral, insertReferralEvent, type ReferralRow } from "~/modules/referrals/referrals.repository.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { closeJointReviewRow, openJointReviewOf } from "./joint-review.repository.server";

/** A step of the joint review in the referral's history, which both sites read. */
export async function jointEvent(
  trx: Database,
  referral: Pick<ReferralRow, "id" | "status" | "site_code"> | Pick<Referral, "id" | "status" | "siteCode">,
  actor: { id: string | null; role: string },
  action: string,
  at: Date,
  data: Record<string, unknown>,
) {
  await insertReferralEvent(trx, {
    id: newId(),
    referral_id: referral.id,
    occurred_at: at.toISOString(),
    actor_user_id: actor.id,
    actor_role: actor.role,
    action,
    from_status: referral.status,
    to_status: referral.status,
    site_code: "siteCode" in referral ? referral.siteCode : referral.site_code,
    reason_code: null,
    note: null,
    data: JSON.stringify(data),
  });
}

/**
 * Ends a joint review: the partner site's access ends with it. Called by the owning site, or by the referral core
 * inside a step that takes the referral out of the owner's hands (`actor` null for such a step's own record).
 */
export async function endJointReview(
  trx: Database,
  referralId: string,
  actor: { id: string | null; role: string },
  reason: "closed_by_owner" | "referral_left_site",
  at: Date,
): Promise<boolean> {
  const open = await openJointReviewOf(trx, referralId);
  if (!open) return false;
  await closeJointReviewRow(trx, open.id, { closed_by: actor.id, closed_at: at.toISOString(), close_reason: reason });
  const referral = await findReferral(trx, referralId);
  if (referral) await jointEvent(trx, referral, actor, "joint_review_closed", at, { jointReviewId: open.id, reason });
  const audit = auditBy(trx, actor.id ? { id: actor.id, role: actor.role } : null, { now: at });
  await audit("joint_review.closed", ["referral", referralId], {
    jointReviewId: open.id,
    reason,
    partnerSite: open.partner_site_code,
  });
  return true;
}
