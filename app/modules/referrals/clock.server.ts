import { addWorkingDays, defaultTargets, workingDaysBetween, type Urgency } from "~/domain/workflow/clock";
import { isoDateIn } from "~/i18n/format";
import { holidaysOf } from "./calendar.server";

/** The calendar date at a site (both sites are UTC+9; the time zone still comes from the site). */
export function todayAt(timezone: string, now: Date): string {
  return isoDateIn(timezone, now);
}

export type ClockColumns = { clock_used_days: number; clock_running_since: string | null; clock_due_on: string | null };

// Targets per urgency (workflow.md defaults). Per-site targets would live in the site configuration.
export function targetDays(urgency: string): number {
  return defaultTargets[(urgency === "urgent" ? "urgent" : "routine") as Urgency];
}

export function startClock(country: string, today: string, urgency: string, usedDays = 0): ClockColumns {
  const left = Math.max(targetDays(urgency) - usedDays, 0);
  return {
    clock_used_days: usedDays,
    clock_running_since: today,
    clock_due_on: addWorkingDays(today, left, holidaysOf(country)),
  };
}

export function stopClock(country: string, today: string, clock: ClockColumns): ClockColumns {
  if (!clock.clock_running_since) return clock;
  const used = clock.clock_used_days + workingDaysBetween(clock.clock_running_since, today, holidaysOf(country));
  return { clock_used_days: used, clock_running_since: null, clock_due_on: null };
}
