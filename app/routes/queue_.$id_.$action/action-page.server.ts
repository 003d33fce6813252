import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { formatInstant } from "~/i18n/format";
import { formatRecord, signoffFor } from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { recommendationViews } from "~/modules/joint-review/joint-review-view.server";
import { letterDecisionOf } from "~/modules/letters/letters.service.server";
import { actionFormFor } from "~/modules/queue/action-form.server";
import type { FormAction } from "~/modules/queue/queue.schema";
import { siteClockOf, type Staff } from "~/modules/queue/staff.server";
import { stepsCitingRecommendation } from "~/modules/queue/triage.service.server";
import { bookingView } from "~/modules/scheduling/booking-view.server";
import type { Database } from "~/utils/db.server";

/**
 * Everything a staff step's page shows: the referral's head and choices, the reviewer's clinical decision the step
 * acts on (accept, decline, redirect: the one the letter quotes), the joint conference's newest recommendation the
 * step may cite, and the free slots when booking. Null when the referral is not this site's.
 */
export async function actionPageFor(
  db: Database,
  staff: Staff,
  id: string,
  action: FormAction,
  lng: Language,
  t: TFunction,
  now: Date,
) {
  const page = await actionFormFor(db, staff, id, action, lng, now);
  if (!page) return null;
  const { timezone } = await siteClockOf(db, staff.siteCode);
  let clinical = null;
  if (letterDecisionOf[action]) {
    const signoff = await signoffFor(db, staff.siteCode, page.id, action);
    clinical = { ...signoff, record: signoff.record ? formatRecord(signoff.record, lng, timezone) : null };
  }
  const [recommendation] = stepsCitingRecommendation.includes(action) ? await recommendationViews(db, page.id) : [];
  return {
    ...page,
    clinical,
    booking: action === "schedule" ? await bookingView(db, staff, page.id, lng, t, new Date()) : null,
    jointRecommendation: recommendation
      ? { ...recommendation, conferenceOn: formatInstant(recommendation.conferenceStartsAt, lng, timezone, "date") }
      : null,
  };
}

export type ActionPageData = NonNullable<Awaited<ReturnType<typeof actionPageFor>>>;
