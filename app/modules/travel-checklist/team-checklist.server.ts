import type { Language } from "~/i18n/config";
import { formatInstant } from "~/i18n/format";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import type { Database } from "~/utils/db.server";
import { checklistInWords, type ChecklistView } from "./travel-checklist-view";
import { travelChecklistFor } from "./travel-checklist.service.server";

/** The whole checklist (the patient's items and the site's own) for the physician's and the staff referral pages. */
export async function teamChecklist(
  db: Database,
  referral: Referral,
  lng: Language,
  timezone: string,
): Promise<ChecklistView | null> {
  const checklist = await travelChecklistFor(db, referral, "team");
  return checklist ? checklistInWords(checklist, lng, (iso) => formatInstant(iso, lng, timezone, "date")) : null;
}
