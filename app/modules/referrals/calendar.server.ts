import Holidays from "date-holidays";
import type { IsHoliday } from "~/domain/workflow/clock";

const calendars = new Map<string, IsHoliday>();

/**
 * Public holidays of a site's country from date-holidays (a maintained library, not a hand-written list),
 * as the pure predicate the clock takes. Cached per country and date.
 */
export function holidaysOf(country: string): IsHoliday {
  let calendar = calendars.get(country);
  if (!calendar) {
    const source = new Holidays(country);
    const known = new Map<string, boolean>();
    calendar = (isoDate: string) => {
      let holiday = known.get(isoDate);
      if (holiday === undefined) {
        // Noon in Korea and Japan (UTC+9), whatever the server's own time zone.
        const found = source.isHoliday(new Date(`${isoDate}T03:00:00Z`));
        holiday = Array.isArray(found) && found.some((h) => h.type === "public");
        known.set(isoDate, holiday);
      }
      return holiday;
    };
    calendars.set(country, calendar);
  }
  return calendar;
}
