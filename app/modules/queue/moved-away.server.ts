import { findReferral, referralEvents } from "~/modules/referrals/referrals.repository.server";
import type { Database } from "~/utils/db.server";
import type { Staff } from "./staff.server";

export type MovedAway = { referenceCode: string; siteCode: string };

/**
 * What the queue may say about a referral this staff member has just sent to the other site: its reference code
 * and where it went, nothing clinical. The referral is no longer theirs to open, so the confirmation is granted only
 * to the person whose redirect is the referral's latest step, and only while it is away from their site; anyone
 * else naming the id in the URL learns nothing (null).
 */
export async function movedAwayNotice(db: Database, staff: Staff, referralId: string): Promise<MovedAway | null> {
  const referral = await findReferral(db, referralId);
  if (!referral?.reference_code || !referral.site_code || referral.site_code === staff.siteCode) return null;
  const last = (await referralEvents(db, referral.id)).at(-1);
  if (last?.action !== "redirect" || last.actor_user_id !== staff.id || last.site_code !== referral.site_code)
    return null;
  return { referenceCode: referral.reference_code, siteCode: referral.site_code };
}
