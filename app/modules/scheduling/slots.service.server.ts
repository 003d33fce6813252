// The site's consultation slots: what the coordinator's slots page lists, adds and removes. Every function takes the
// signed-in staff member and works on their own site only, whatever an id in a form says.
import { addDays, localDateTime, zonedInstant } from "~/domain/scheduling/zoned-time";
import {
  dayWarnings,
  expandWeeklyPattern,
  MAX_PATTERN_SLOTS,
  type DayWarning,
  type WeeklyPattern,
} from "~/domain/scheduling/weekly-pattern";
import type { Language } from "~/i18n/config";
import { auditBy } from "~/modules/audit/audit.service.server";
import { siteClockOf, type SiteClock, type Staff } from "~/modules/queue/staff.server";
import { holidaysOf } from "~/modules/referrals/calendar.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { publicHolidayOn } from "./holidays.server";
import { deleteFreeSlot, insertSlots, slotsBetween } from "./slots.repository.server";

export type SlotContext = { now: Date; ip: string | null };

/** How far ahead the slots page lists. */
export const SLOT_LIST_DAYS = 56;

/** Weekend and public-holiday warnings for a date at the site, in the reader's language. */
export function warningsFor(site: SiteClock, date: string, lng: Language): DayWarning[] {
  return dayWarnings(date, (d) => publicHolidayOn(site.country, d, lng));
}

/** The site's slots from today for SLOT_LIST_DAYS days, grouped by the site's calendar day. */
export async function listSiteSlots(db: Database, staff: Staff, now: Date) {
  const site = await siteClockOf(db, staff.siteCode);
  const today = localDateTime(now, site.timezone).date;
  const rows = await slotsBetween(
    db,
    site.code,
    zonedInstant(today, "00:00", site.timezone).toISOString(),
    zonedInstant(addDays(today, SLOT_LIST_DAYS), "00:00", site.timezone).toISOString(),
  );
  return {
    site,
    today,
    slots: rows.map((r) => ({
      id: r.id,
      startsAt: r.starts_at,
      date: r.local_date,
      time: r.local_time,
      durationMinutes: r.duration_minutes,
      kind: r.kind,
      booked: r.referral_id ? { referralId: r.referral_id, referenceCode: r.reference_code } : null,
      past: r.starts_at < now.toISOString(),
    })),
  };
}

function slotRow(
  site: SiteClock,
  staff: Staff,
  date: string,
  time: string,
  durationMinutes: number,
  kind: "planned" | "override",
  at: string,
) {
  return {
    id: newId(),
    site_code: site.code,
    starts_at: zonedInstant(date, time, site.timezone).toISOString(),
    local_date: date,
    local_time: time,
    duration_minutes: durationMinutes,
    kind,
    referral_id: null,
    booked_at: null,
    created_by: staff.id,
    created_at: at,
  };
}

export type AddSlotResult =
  | { ok: true; added: number }
  | { ok: false; code: "date_in_past" | "exists" }
  | { ok: false; code: "confirm_day"; warnings: DayWarning[] };

/** One audit event for slots a site's staff added, one at a time or by a weekly pattern (what and how many). */
function auditSlotsAdded(
  trx: Database,
  staff: Staff,
  siteCode: string,
  ctx: SlotContext,
  detail: Record<string, unknown>,
): Promise<void> {
  const audit = auditBy(trx, staff, ctx);
  return audit("slots.added", ["site", siteCode], detail);
}
/**
 * One slot. A weekend or public holiday is allowed (a clinic may open on one) but only once the coordinator has
 * confirmed that very date.
 */
export async function addSlot(
  db: Database,
  staff: Staff,
  input: { date: string; time: string; duration: number; confirmDay?: string },
  ctx: SlotContext & { lng: Language },
): Promise<AddSlotResult> {
  const site = await siteClockOf(db, staff.siteCode);
  if (zonedInstant(input.date, input.time, site.timezone) <= ctx.now) return { ok: false, code: "date_in_past" };
  const warnings = warningsFor(site, input.date, ctx.lng);
  if (warnings.length && input.confirmDay !== input.date) return { ok: false, code: "confirm_day", warnings };
  return db.transaction().execute(async (trx) => {
    const added = await insertSlots(trx, [
      slotRow(site, staff, input.date, input.time, input.duration, "planned", ctx.now.toISOString()),
    ]);
    if (!added) return { ok: false, code: "exists" } as const;
    await auditSlotsAdded(trx, staff, site.code, ctx, {
      count: 1,
      from: input.date,
      to: input.date,
      times: [input.time],
      durationMinutes: input.duration,
      ...(warnings.length ? { confirmedDay: warnings.map((w) => w.code) } : {}),
    });
    return { ok: true, added } as const;
  });
}

export type AddPatternResult =
  | { ok: true; added: number; existing: number; holidays: string[]; past: number }
  | { ok: false; code: "too_many"; count: number };

/** A weekly pattern over a date range: public holidays and times already past are left out, existing slots kept. */
export async function addWeeklyPattern(
  db: Database,
  staff: Staff,
  input: WeeklyPattern & { duration: number },
  ctx: SlotContext,
): Promise<AddPatternResult> {
  const site = await siteClockOf(db, staff.siteCode);
  const { slots, holidays } = expandWeeklyPattern(input, holidaysOf(site.country));
  const rows = slots.map((s) => slotRow(site, staff, s.date, s.time, input.duration, "planned", ctx.now.toISOString()));
  const future = rows.filter((r) => r.starts_at > ctx.now.toISOString());
  if (future.length > MAX_PATTERN_SLOTS) return { ok: false, code: "too_many", count: future.length };
  return db.transaction().execute(async (trx) => {
    const added = await insertSlots(trx, future);
    if (added) {
      await auditSlotsAdded(trx, staff, site.code, ctx, {
        count: added,
        from: input.from,
        to: input.to,
        weekdays: input.weekdays,
        times: input.times,
        durationMinutes: input.duration,
        holidaysSkipped: holidays,
      });
    }
    return { ok: true, added, existing: future.length - added, holidays, past: rows.length - future.length } as const;
  });
}

/** Removes one free slot of the site; a booked slot (or another site's) is not removed. */
export async function removeSlot(db: Database, staff: Staff, slotId: string, ctx: SlotContext): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await deleteFreeSlot(trx, staff.siteCode, slotId);
    if (removed) {
      const audit = auditBy(trx, staff, ctx);
      await audit("slots.removed", ["site", staff.siteCode], { slotId });
    }
    return removed;
  });
}
