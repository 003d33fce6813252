// Calendar dates as ISO strings (YYYY-MM-DD). Pure arithmetic on the calendar: no Date objects, no time zones,
// no clock. A valid ISO date string sorts like the date it names, so comparisons are string comparisons.

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export type CalendarDate = { year: number; month: number; day: number };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The date an ISO `YYYY-MM-DD` string names, or null when it is not a real calendar date (2026-02-30). */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = isoDate.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && parseIsoDate(value) !== null;
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The same day `months` calendar months earlier, clamped to the end of a shorter month
 * (2026-08-31 minus 6 months is 2026-02-28). Returns null for an invalid date.
 */
export function subtractMonths(value: string, months: number): string | null {
  const date = parseIsoDate(value);
  if (!date) return null;
  const index = date.year * 12 + (date.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (year < 1) return null;
  return formatIsoDate({ year, month, day: Math.min(date.day, daysInMonth(year, month)) });
}
