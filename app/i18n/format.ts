// Every date and time the portal shows goes through here, on the server and in the browser alike.
//
// Why explicit fields and never dateStyle/timeStyle: Node's ICU and Chromium's ICU word the same style differently
// (Node writes Korean "2026. 12. 3. PM 3:29", Chromium "2026. 12. 3. 오후 3:29"), and a page rendered on the server
// that the browser renders differently throws React hydration errors. Year, long month, day, and a 24-hour clock
// with `hourCycle: "h23"` come out identical in both. The 24-hour clock is also what clinical systems in Korea and
// Japan use, so it is used in all three languages. The time zone is always passed: never the machine's own.
//
// Intl.DateTimeFormat is slow to build and fast to use, so each locale + style + time zone is built once.
import { intlLocale, isLanguage } from "./config";

// The parts every style with a day or a clock is built from, so the styles cannot drift apart.
const day = { year: "numeric", month: "long", day: "numeric" } as const;
const clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

const styles = {
  /** 2026년 12월 3일 · 2026年12月3日 · 3 December 2026 */
  date: day,
  /** 2026년 12월 3일 목요일 · 2026年12月3日木曜日 · Thursday, 3 December 2026 */
  fullDate: { ...day, weekday: "long" },
  /** 12월 3일 · 12月3日 · 3 Dec: a queue cell has no room for more. */
  shortDate: { month: "short", day: "numeric" },
  /** 12월 3일 (목) · 12月3日(木) · Thu 3 Dec: a slot in a list already grouped under its full date. */
  weekdayShortDate: { weekday: "short", month: "short", day: "numeric" },
  /** 2026년 12월 3일 · 2026年12月3日 · 3 Dec 2026, compact, for a queue column. */
  compactDate: { year: "numeric", month: "short", day: "numeric" },
  /** 15:29 */
  time: clock,
  /** 2026년 12월 3일 15:29 · 2026年12月3日 15:29 · 3 December 2026 at 15:29 */
  dateTime: { ...day, ...clock },
  /** The audit log's moments, to the second. */
  dateTimeSeconds: { ...day, ...clock, second: "2-digit" },
  /** With the zone's name, where readers compare sites' clocks (site configuration history). */
  dateTimeZone: { ...day, ...clock, timeZoneName: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateTimeStyle = keyof typeof styles;

const cache = new Map<string, Intl.DateTimeFormat>();

function cached(
  locale: string,
  style: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${style}|${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(key, format);
  }
  return format;
}

/** The formatter for a language, style and time zone (built once). */
export function dateTimeFormat(lng: string, style: DateTimeStyle, timeZone: string): Intl.DateTimeFormat {
  return cached(intlLocale[isLanguage(lng) ? lng : "en"], style, timeZone, styles[style]);
}

/** A moment (ISO text or Date) in words of `lng`, on the clock of `timeZone`. Unreadable text is returned as is. */
export function formatInstant(
  at: string | Date,
  lng: string,
  timeZone: string,
  style: DateTimeStyle = "dateTime",
): string {
  const when = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(when.getTime())) return String(at);
  return dateTimeFormat(lng, style, timeZone).format(when);
}

/** A calendar date (YYYY-MM-DD), not an instant: read in UTC so no time zone can move it to another day. */
export function formatCalendarDate(
  iso: string,
  lng: string,
  style: "date" | "fullDate" | "shortDate" | "weekdayShortDate" | "compactDate" = "date",
): string {
  return formatInstant(`${iso}T00:00:00Z`, lng, "UTC", style);
}

/** A wall-clock time (HH:MM) on the 24-hour clock of `lng`. */
export function formatWallTime(date: string, time: string, lng: string): string {
  return formatInstant(`${date}T${time}:00Z`, lng, "UTC", "time");
}

/** The calendar date (YYYY-MM-DD) it is in `timeZone` at `now`. */
export function isoDateIn(timeZone: string, now: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return cached("en-CA", "isoDate", timeZone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
