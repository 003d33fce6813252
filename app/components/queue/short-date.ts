import { formatCalendarDate } from "~/i18n/datetime";

/** A calendar date as a short month and day ("3 Dec", "12월 3일", "12月3日"): a queue cell has no room for more. */
export function formatShortDate(iso: string, lng: string): string {
  return formatCalendarDate(iso, lng, "shortDate");
}

/** A calendar date with its year, compact, for a queue column. */
export function formatCompactDate(iso: string, lng: string): string {
  return formatCalendarDate(iso, lng, "compactDate");
}
