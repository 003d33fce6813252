// Who reads a referral as the partner site of its joint review, and the audit of each such reading. Only repositories
// below it, so the attachments and letters services can ask it without an import cycle.
import { shareableStatuses } from "~/domain/joint-review/joint-review";
import type { ReferralStatus } from "~/domain/workflow/states";
import { readingsBy } from "~/modules/audit/read-audit.server";
import { findReferral, type ReferralRow } from "~/modules/referrals/referrals.repository.server";
import type { Database } from "~/utils/db.server";
import { openJointReviewOf, type JointReviewRow } from "./joint-review.repository.server";

/** A coordinator or reviewer and their site: the shape the partner check needs (queue's Staff fits). */
export type SiteStaff = { id: string; role: string; siteCode: string | null; status: string };

/** The referral and its open joint review when this staff member reads it as the partner site; null otherwise. */
export async function referralForPartner(
  db: Database,
  staff: SiteStaff,
  id: string,
): Promise<{ referral: ReferralRow; review: JointReviewRow } | null> {
  if (staff.status !== "active" || (staff.role !== "coordinator" && staff.role !== "reviewer") || !staff.siteCode)
    return null;
  const review = await openJointReviewOf(db, id);
  if (!review || review.partner_site_code !== staff.siteCode) return null;
  const referral = await findReferral(db, id);
  // The referral must still be where it was shared from: once it moves or ends, the partner's reading ends with it.
  if (
    !referral ||
    referral.site_code !== review.owner_site_code ||
    !shareableStatuses.includes(referral.status as ReferralStatus)
  )
    return null;
  return { referral, review };
}

/** Writes the partner's reading of a referral (page, meeting view or document) to the audit log. */
export async function auditPartnerRead(
  db: Database,
  staff: SiteStaff,
  review: JointReviewRow,
  part: "page" | "meeting" | "document",
  ctx: { now: Date; ip: string | null },
  extra: Record<string, unknown> = {},
) {
  const audit = readingsBy(db, staff, ctx);
  await audit("referral.viewed_jointly", ["referral", review.referral_id], {
    site: review.owner_site_code,
    readerSite: staff.siteCode,
    jointReviewId: review.id,
    part,
    ...extra,
  });
}
