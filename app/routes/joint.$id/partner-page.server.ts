import type { TFunction } from "i18next";
import { ageOn, identifyingPaths } from "~/domain/joint-review/joint-review";
import type { Language } from "~/i18n/config";
import { formatInstant } from "~/i18n/format";
import { jointEventLine } from "~/modules/joint-review/joint-event-line";
import { partnerReferralPage, summaryInWords } from "~/modules/joint-review/joint-review-view.server";
import { caseSections } from "~/modules/queue/case-view";
import { siteClockOf, type Staff } from "~/modules/queue/staff.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import type { Database } from "~/utils/db.server";

/**
 * What the partner site's page shows, in the reader's language and site time: the case without the rows that say who
 * the patient is (age and sex instead of the birth date), the screen's decision, the documents, the joint review and
 * its history. Null when the referral is not under a review open with the reader's site; each reading is audited.
 */
export async function partnerPageView(
  db: Database,
  staff: Staff,
  id: string,
  ctx: { now: Date; ip: string | null },
  t: TFunction,
  lng: Language,
) {
  const page = await partnerReferralPage(db, staff, id, ctx);
  if (!page) return null;
  const { timezone } = await siteClockOf(db, staff.siteCode);
  const names = await siteNames(db);
  const siteName = (code: string) => names[code as keyof typeof names]?.[lng] ?? code;
  const { referral, caseData } = page;
  const referredOn =
    typeof caseData.referredOn === "string" ? caseData.referredOn : (referral.submittedAt ?? "").slice(0, 10);
  const hidden = new Set(identifyingPaths);
  return {
    id: referral.id,
    referenceCode: referral.referenceCode ?? "",
    ownerSite: siteName(page.joint.ownerSite),
    status: referral.status,
    indication: referral.indication,
    urgency: referral.urgency,
    age: caseData.patient?.birthDate ? ageOn(caseData.patient.birthDate, referredOn) : null,
    sex: caseData.patient?.sex ?? null,
    decision: page.decision,
    siteNames: names,
    sections: caseSections(caseData, t, lng, names, timezone)
      .map((section) => ({ ...section, rows: section.rows.filter((row) => !hidden.has(row.path)) }))
      .filter((section) => section.rows.length > 0),
    attachments: page.attachments,
    // The FHIR copy crosses the border only with the patient's consent to that (issue #11).
    fhir: (caseData.consent as { crossBorder?: unknown } | undefined)?.crossBorder === true,
    joint: summaryInWords(page.joint, lng, timezone, siteName),
    history: page.history.map((h) => ({ ...h, at: formatInstant(h.at, lng, timezone), line: jointEventLine(h) })),
  };
}

export type PartnerPageView = NonNullable<Awaited<ReturnType<typeof partnerPageView>>>;
