import type { Language } from "~/i18n/config";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { toReferral } from "~/modules/referrals/referral.mapper.server";
import type { Database } from "~/utils/db.server";
import { travelChecklistFor } from "./travel-checklist.service.server";
import type { PatientChecklistView } from "./travel-checklist-view";

/**
 * The patient's own checklist items for the referral their status session opened, in `lng`, or null. Only what the
 * page shows leaves the server: titles, wording, sources and done or not (no dates, no names of who ticked).
 */
export async function patientChecklist(
  db: Database,
  referralId: string,
  lng: Language,
): Promise<PatientChecklistView | null> {
  const row = await findReferral(db, referralId);
  const checklist = row ? await travelChecklistFor(db, toReferral(row), "patient") : null;
  if (!checklist) return null;
  return {
    done: checklist.done,
    total: checklist.total,
    items: checklist.items.map((item) => ({
      key: item.key,
      title: item.title[lng],
      body: item.body[lng],
      sources: item.sources,
      done: item.done,
    })),
  };
}
