import type { SessionUser } from "~/modules/accounts/session.server";
import type { ReferralRow } from "./referrals.repository.server";

/**
 * Who may see a referral (workflow.md, privacy.md): its physician; staff of the site it is at.
 * Administrators run the portal and have no need for clinical content. Anyone else gets a 404,
 * so a referral that is not yours cannot even be shown to exist.
 */
export function canSeeReferral(
  user: SessionUser,
  referral: Pick<ReferralRow, "physician_id" | "site_code" | "status">,
): boolean {
  if (user.status !== "active") return false;
  switch (user.role) {
    case "physician":
      return referral.physician_id === user.id;
    case "coordinator":
    case "reviewer":
      return referral.status !== "draft" && referral.site_code !== null && referral.site_code === user.siteCode;
    default:
      return false;
  }
}
