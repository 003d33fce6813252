// The meeting view of a conference: one case of the agenda at a time, with what the room needs to discuss it — key
// facts, the screen's decision, the documents and the presenter's question. The partner site's reading is audited
// like any other; a case whose joint review has closed shows only its line of the agenda.
import type { ReferralCase } from "~/domain/case/schema";
import { ageOn } from "~/domain/joint-review/joint-review";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { auditPartnerRead } from "~/modules/joint-review/joint-access.server";
import { jointReviewById } from "~/modules/joint-review/joint-review.repository.server";
import type { Staff } from "~/modules/queue/staff.server";
import { decisionFrom } from "~/modules/referrals/referral.mapper.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import type { Database } from "~/utils/db.server";
import { conferenceDetail } from "./conferences.service.server";

export async function meetingCase(
  db: Database,
  staff: Staff,
  conferenceId: string,
  position: number,
  ctx: { now: Date; ip: string | null },
) {
  const detail = await conferenceDetail(db, staff, conferenceId);
  if (!detail) return null;
  const count = detail.agenda.length;
  const index = Math.min(Math.max(position, 1), Math.max(count, 1)) - 1;
  const line = detail.agenda[index] ?? null;
  let facts = null;
  if (line?.reviewOpen) {
    const referral = await findReferral(db, line.referralId);
    const review = await jointReviewById(db, line.jointReviewId);
    if (referral) {
      if (!line.ownedByReader && review) await auditPartnerRead(db, staff, review, "meeting", ctx, { conferenceId });
      const caseData = JSON.parse(referral.case_json) as ReferralCase;
      const referredOn =
        typeof caseData.referredOn === "string" ? caseData.referredOn : (referral.submitted_at ?? "").slice(0, 10);
      facts = {
        status: referral.status,
        urgency: referral.urgency,
        age: caseData.patient?.birthDate ? ageOn(caseData.patient.birthDate, referredOn) : null,
        sex: caseData.patient?.sex ?? null,
        ecog: caseData.clinical?.ecog ?? null,
        decision: decisionFrom(referral.decision_json),
        attachments: await listAttachments(db, referral.id),
      };
    }
  }
  return { detail, index, count, line, facts };
}
