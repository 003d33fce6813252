import type { TFunction } from "i18next";
import { zonedInstant } from "~/domain/scheduling/zoned-time";
import type { Language } from "~/i18n/config";
import { siteClockOf } from "~/modules/queue/staff.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import type { SiteNames } from "~/modules/sites/sites.service.server";
import type { Database } from "~/utils/db.server";
import { readStoredConsultation } from "./calendar-file.server";
import { whenWords } from "./format";
import { siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { sitePlace } from "./site-place";

/** The booked consultation as the physician's referral page shows it, or null when none is booked. */
export async function consultationView(
  db: Database,
  referral: Pick<Referral, "id" | "status" | "siteCode" | "consultation">,
  names: SiteNames,
  lng: Language,
  t: TFunction,
) {
  if (referral.status !== "consultation_scheduled" || !referral.siteCode) return null;
  const stored = readStoredConsultation(referral.consultation);
  if (!stored) return null;
  const site = await siteClockOf(db, referral.siteCode);
  const tz = stored.timeZone ?? site.timezone;
  const when = whenWords(zonedInstant(stored.date, stored.time, tz), tz, lng);
  const place = referral.consultation?.place ?? null;
  return {
    dateText: when.dateText,
    timeText: t("scheduling:consultation.timeWithZone", {
      time: when.timeText,
      zone: t(`status:sites.${site.code}.timeZone`),
    }),
    place,
    siteName: names[site.code as keyof SiteNames]?.[lng] ?? site.code,
    ...(sitePlace(await siteContactsOf(db, site.code), lng) ?? { address: null, mapHref: null }),
    calendarHref: `/referrals/${referral.id}/consultation.ics`,
  };
}
