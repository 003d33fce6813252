// The referral clock in working days (workflow.md, "Clocks"). Pure: holidays come in as a predicate,
// so the domain needs no calendar library and tests can pin any calendar.

export type IsHoliday = (isoDate: string) => boolean;
export type Urgency = "routine" | "urgent";

export const defaultTargets: Record<Urgency, number> = { urgent: 3, routine: 10 };

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(isoDate: string, isHoliday: IsHoliday): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(isoDate);
}

const DAY_MS = 86_400_000;

function countWorkingDays(from: string, to: string, isHoliday: IsHoliday): number {
  let count = 0;
  const last = Date.parse(`${to}T00:00:00Z`);
  for (let at = Date.parse(`${from}T00:00:00Z`) + DAY_MS; at <= last; at += DAY_MS) {
    const day = new Date(at);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isHoliday(day.toISOString().slice(0, 10))) count += 1;
  }
  return count;
}

// A queue page asks the same spans again and again (today to each due date, for every row and every request),
// and a span's count never changes for a calendar: each is counted once per calendar (a holiday predicate).
const spansByCalendar = new WeakMap<IsHoliday, Map<string, number>>();
const MAX_SPANS = 50_000;

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, isHoliday: IsHoliday): number {
  if (!(to > from)) return 0;
  let spans = spansByCalendar.get(isHoliday);
  if (!spans) spansByCalendar.set(isHoliday, (spans = new Map()));
  const key = `${from}/${to}`;
  let count = spans.get(key);
  if (count === undefined) {
    count = countWorkingDays(from, to, isHoliday);
    if (spans.size >= MAX_SPANS) spans.clear();
    spans.set(key, count);
  }
  return count;
}

/** The date `n` working days after `from`. */
export function addWorkingDays(from: string, n: number, isHoliday: IsHoliday): string {
  let day = from;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, isHoliday)) left -= 1;
  }
  return day;
}

export type ClockPeriod = { from: string; to: string | null };

/**
 * Working days used so far: the running periods (submitted → first decision, minus the time
 * information was requested) summed; an open period counts up to `today`.
 */
export function workingDaysUsed(running: ClockPeriod[], today: string, isHoliday: IsHoliday): number {
  return running.reduce((sum, p) => sum + workingDaysBetween(p.from, p.to ?? today, isHoliday), 0);
}

export type ClockState = { used: number; target: number; left: number; breached: boolean };

export function clockState(running: ClockPeriod[], today: string, target: number, isHoliday: IsHoliday): ClockState {
  const used = workingDaysUsed(running, today, isHoliday);
  return { used, target, left: target - used, breached: used > target };
}
