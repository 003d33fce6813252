// What the physician's draft and sent-referral services share: the portal's date, who is acting, the stored case
// as an editable copy, and the files as the case lists them.
import { PORTAL_TIME_ZONE } from "~/domain/routing/site-facts";
import type { SessionUser } from "~/modules/accounts/session.server";
import { todayAt } from "~/modules/referrals/clock.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import type { AttachmentView } from "./attachments.service.server";

// "Today" for a referral (its date, which picks the rule set, and the check that a birth is not in the future) is the
// portal's one date, whoever refers and whatever the server's own zone (ADR 0024).
export function referralToday(now: Date): string {
  return todayAt(PORTAL_TIME_ZONE, now);
}

export type Who = { user: SessionUser; now: Date; ip?: string | null };

/** A copy of the stored case (a draft's is partial), for the forms to read and change. */
export function caseOf(referral: Pick<Referral, "storedCase">): Record<string, unknown> {
  return structuredClone(referral.storedCase) as Record<string, unknown>;
}

/** The files as the case lists them (their contents stay in the attachment store). */
export function caseAttachments(attachments: AttachmentView[]) {
  return attachments.map((a) => ({
    kind: a.kind,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
  }));
}
