// A weekly pattern of consultation slots laid over a date range. Pure: holidays come in as a predicate.
import { addDays, isoWeekday } from "./zoned-time";

export type WeeklyPattern = {
  from: string;
  to: string;
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  weekdays: number[];
  /** Wall-clock start times, HH:MM. */
  times: string[];
};

/** A pattern never makes more than this many slots at once (a year of weekdays at six times is about 1,500). */
export const MAX_PATTERN_SLOTS = 2000;
/** …nor spans more than a year and a day. */
export const MAX_PATTERN_DAYS = 367;

/**
 * The dates and times a pattern makes, in order, and the dates it leaves out because they are public holidays
 * (a clinic does not open on them; a coordinator who wants one adds that slot alone, and is warned).
 */
export function expandWeeklyPattern(
  pattern: WeeklyPattern,
  isHoliday: (date: string) => boolean,
): { slots: { date: string; time: string }[]; holidays: string[] } {
  const slots: { date: string; time: string }[] = [];
  const holidays: string[] = [];
  const times = [...new Set(pattern.times)].sort();
  for (let date = pattern.from, n = 0; date <= pattern.to && n < MAX_PATTERN_DAYS; date = addDays(date, 1), n++) {
    if (!pattern.weekdays.includes(isoWeekday(date))) continue;
    if (isHoliday(date)) {
      holidays.push(date);
      continue;
    }
    for (const time of times) slots.push({ date, time });
  }
  return { slots, holidays };
}

export type DayWarning = { code: "weekend" } | { code: "holiday"; name: string | null };

/** Why a day may not be a clinic day at the site: a weekend, a public holiday, or both. */
export function dayWarnings(date: string, holiday: (date: string) => { name: string | null } | null): DayWarning[] {
  const warnings: DayWarning[] = [];
  if (isoWeekday(date) >= 6) warnings.push({ code: "weekend" });
  const found = holiday(date);
  if (found) warnings.push({ code: "holiday", name: found.name });
  return warnings;
}
