import { getSessionUser } from "~/modules/accounts/session.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { auditBy } from "./audit.service.server";

/**
 * The pages that show who a patient is without writing a read event of their own, and the action each reading is
 * recorded as (privacy.md: every reading of patient-identifying data is in the audit log). The referral page, the
 * queue page, the letter and the joint page record their own.
 */
export const pageReadActions: Record<string, string> = {
  "routes/referrals.$id_.summary": "referral.summary_viewed",
  "routes/referrals.$id_.handout": "referral.handout_viewed",
  "routes/referrals.$id_.consent-notice": "referral.consent_notice_viewed",
  "routes/referrals.$id_.edit._index": "referral.draft_viewed",
  "routes/referrals.$id_.edit.$section": "referral.draft_viewed",
  "routes/referrals.$id_.edit.documents": "referral.draft_viewed",
  "routes/referrals.$id_.edit.review": "referral.draft_viewed",
  "routes/queue_.$id_.$action": "referral.action_page_viewed",
  "routes/queue_.$id_.clinical-decision": "referral.action_page_viewed",
  "routes/queue_.$id_.joint-review": "referral.action_page_viewed",
};

export const refusedAction = "security.referral_refused";

/** Which page it was, in words an administrator reads: the route without its prefix, and the section or action. */
function pageOf(routeId: string, params: Record<string, string | undefined>) {
  return {
    page: routeId.replace(/^routes\//, ""),
    ...(params.section ? { section: params.section } : {}),
    ...(params.action ? { action: params.action } : {}),
  };
}

/** A page of `pageReadActions` was shown: one read event, by whoever is signed in. */
export async function recordPageRead(
  request: Request,
  routeId: string,
  params: Record<string, string | undefined>,
  now = new Date(),
) {
  const action = pageReadActions[routeId];
  const user = action && params.id ? await getSessionUser(request, now) : null;
  if (!action || !user) return;
  const audit = auditBy(await getDb(), user, { now, ip: clientIp(request) });
  await audit(action, ["referral", params.id!], pageOf(routeId, params));
}

/**
 * A signed-in person was refused (404 or 403) a referral that exists and is not theirs to see: another physician's,
 * another site's. Written as a security event the audit page can filter. Unknown ids are not: nothing was refused.
 */
export async function recordRefusalIfForeign(
  request: Request,
  routeId: string,
  params: Record<string, string | undefined>,
  now = new Date(),
) {
  if (!params.id) return;
  const user = await getSessionUser(request, now);
  if (!user) return;
  const db = await getDb();
  const referral = await findReferral(db, params.id);
  if (!referral || canSeeReferral(user, referral)) return;
  const audit = auditBy(db, user, { now, ip: clientIp(request) });
  await audit(refusedAction, ["referral", referral.id], { ...pageOf(routeId, params), method: request.method });
}
