// Consultation times in words: Intl with the site's time zone and a 24-hour clock, formatted on the server so the
// server's and the browser's text are the same (and the reader's own time zone never moves a consultation).
import { intlLocale, type Language } from "~/i18n/config";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "date" | "time" | "short", lng: Language, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}:${lng}:${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? { dateStyle: "full", timeZone }
        : kind === "short"
          ? { weekday: "short", month: "short", day: "numeric", timeZone }
          : { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone };
    f = new Intl.DateTimeFormat(intlLocale[lng], options);
    cache.set(key, f);
  }
  return f;
}

/** A slot's or consultation's start as a full date and a 24-hour time at the site. */
export function whenWords(startsAt: string | Date, timeZone: string, lng: Language) {
  const at = typeof startsAt === "string" ? new Date(startsAt) : startsAt;
  return { dateText: formatter("date", lng, timeZone).format(at), shortDate: formatter("short", lng, timeZone).format(at), timeText: formatter("time", lng, timeZone).format(at) };
}

/** A calendar date (no time) in words: formatted at noon UTC so no zone can move it to another day. */
export function dayWords(date: string, lng: Language): string {
  return formatter("date", lng, "UTC").format(new Date(`${date}T12:00:00Z`));
}
