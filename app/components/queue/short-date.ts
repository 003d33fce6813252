import { intlLocale, isLanguage } from "~/i18n/config";

/** A calendar date as a short month and day ("24 Dec", "12월 24일", "12月24日"): a queue cell has no room for more. */
export function formatShortDate(iso: string, lng: string): string {
  const locale = intlLocale[isLanguage(lng) ? lng : "en"];
  // A calendar date, not an instant: formatted in UTC so no time zone can move it to another day.
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** A calendar date with its year, compact ("Dec 2, 2026", "2026. 12. 2.", "2026/12/02"), for a queue column. */
export function formatCompactDate(iso: string, lng: string): string {
  const locale = intlLocale[isLanguage(lng) ? lng : "en"];
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}
