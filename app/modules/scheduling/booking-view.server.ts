import type { TFunction } from "i18next";
import type { DayWarning } from "~/domain/scheduling/weekly-pattern";
import type { Language } from "~/i18n/config";
import { formatCalendarDate } from "~/i18n/format";
import type { Staff } from "~/modules/queue/staff.server";
import type { Database } from "~/utils/db.server";
import { bookingChoices } from "./booking.service.server";
import { whenWords } from "./format";

/** The schedule page's slot choices in words: the site's time zone, a 24-hour clock, the reader's language. */
export async function bookingView(
  db: Database,
  staff: Staff,
  referralId: string,
  lng: Language,
  t: TFunction,
  now: Date,
) {
  const choices = await bookingChoices(db, staff, referralId, now);
  const tz = choices.site.timezone;
  return {
    zone: t(`status:sites.${staff.siteCode}.timeZone`),
    canManageSlots: staff.role === "coordinator",
    free: choices.free.map((s) => ({ ...s, ...whenWords(s.startsAt, tz, lng) })),
    current: choices.current ? { id: choices.current.id, ...whenWords(choices.current.startsAt, tz, lng) } : null,
  };
}

/** A weekend or holiday warning as sentences. */
export function dayWarningLines(date: string, warnings: DayWarning[], lng: Language, t: TFunction): string[] {
  const day = formatCalendarDate(date, lng, "fullDate");
  return warnings.map((w) =>
    w.code === "weekend"
      ? t("scheduling:warnings.weekend", { date: day })
      : w.name
        ? t("scheduling:warnings.holiday", { date: day, name: w.name })
        : t("scheduling:warnings.holidayUnnamed", { date: day }),
  );
}
