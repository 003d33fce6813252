// Consultation times in words: the site's time zone and a 24-hour clock, formatted on the server so the server's and
// the browser's text are the same (and the reader's own time zone never moves a consultation). The formatters are
// the shared cached ones (app/i18n/format.ts).
import type { Language } from "~/i18n/config";
import { formatInstant } from "~/i18n/format";

/** A slot's or consultation's start as a full date, a short date with its weekday and a 24-hour time at the site. */
export function whenWords(startsAt: string | Date, timeZone: string, lng: Language) {
  return {
    dateText: formatInstant(startsAt, lng, timeZone, "fullDate"),
    shortDate: formatInstant(startsAt, lng, timeZone, "weekdayShortDate"),
    timeText: formatInstant(startsAt, lng, timeZone, "time"),
  };
}
