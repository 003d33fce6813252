import { defaultTargets, workingDaysBetween, type IsHoliday } from "~/domain/workflow/clock";

/**
 * What the queue says about a referral's clock, in working days of the site's country:
 * running (days left, 0 = due today, negative = overdue), paused while information is requested,
 * or stopped (decided, withdrawn) with the days it used. Pure: the site's holidays come in as a predicate.
 */
export type ClockView =
  | { kind: "running"; left: number; dueOn: string; breached: boolean; target: number }
  | { kind: "paused"; left: number; breached: boolean; target: number }
  | { kind: "stopped"; used: number; late: boolean; target: number };

type ClockRow = { status: string; urgency: string; clock_used_days: number; clock_due_on: string | null };

export function clockView(row: ClockRow, today: string, isHoliday: IsHoliday): ClockView {
  const target = defaultTargets[row.urgency === "urgent" ? "urgent" : "routine"];
  if (row.clock_due_on) {
    const left =
      row.clock_due_on >= today
        ? workingDaysBetween(today, row.clock_due_on, isHoliday)
        : -workingDaysBetween(row.clock_due_on, today, isHoliday);
    return { kind: "running", left, dueOn: row.clock_due_on, breached: today > row.clock_due_on, target };
  }
  if (row.status === "info_requested") {
    const left = target - row.clock_used_days;
    return { kind: "paused", left, breached: left < 0, target };
  }
  return { kind: "stopped", used: row.clock_used_days, late: row.clock_used_days > target, target };
}
