// Booking a referral's first consultation into the site's slots (the "schedule" triage action). The plan is checked
// before the referral core's transaction; the slot itself is taken inside it (`takeSlot`), so the referral's new
// state, its history, the physician's mail and the slot stand or fall together, and two coordinators racing for one
// slot cannot both have it.
import { localDateTime, zonedInstant } from "~/domain/scheduling/zoned-time";
import type { DayWarning } from "~/domain/scheduling/weekly-pattern";
import type { Language } from "~/i18n/config";
import { siteClockOf, type Staff } from "~/modules/queue/staff.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { DEFAULT_CONSULTATION_MINUTES, type BookingInput } from "./slots.schema";
import {
  bookedSlotsBetween,
  claimSlot,
  freeSlotsFrom,
  insertSlots,
  releaseSlotOf,
  slotAtStart,
  slotOfReferral,
  slotOfSite,
} from "./slots.repository.server";
import { warningsFor } from "./slots.service.server";

/** How many free slots the booking form offers (the soonest first): about three months of a busy clinic. */
export const OFFERED_SLOTS = 300;

/** What the referral keeps of its consultation (referrals.consultation_json): logistics only, no health detail. */
export type ConsultationData = {
  date: string;
  time: string;
  place: string;
  interpreter?: string;
  timeZone: string;
  durationMinutes: number;
  slotId: string;
  bookedAt: string;
  /** Booked at a time the site had not planned a slot for. */
  outsideSlots?: true;
  /** The weekend or holiday warnings the coordinator confirmed. */
  confirmedDay?: DayWarning["code"][];
};

export class SlotTakenError extends Error {
  constructor() {
    super("slot taken");
  }
}

export type BookingPlan =
  | { ok: true; data: ConsultationData; takeSlot: (trx: Database, referralId: string) => Promise<void> }
  | { ok: false; code: "date_in_past" | "time_in_past" | "slot_gone" | "slot_taken" }
  /** `date`: the day the booking falls on (the slot's or the typed one), which the coordinator confirms. */
  | { ok: false; code: "confirm_day"; warnings: DayWarning[]; date: string };

/** The free slots a coordinator may book for a referral, and the slot it already holds. */
export async function bookingChoices(db: Database, staff: Staff, referralId: string, now: Date) {
  const site = await siteClockOf(db, staff.siteCode);
  const [free, current] = await Promise.all([
    freeSlotsFrom(db, site.code, now.toISOString(), OFFERED_SLOTS),
    slotOfReferral(db, referralId),
  ]);
  return {
    site,
    free: free.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      date: s.local_date,
      time: s.local_time,
      durationMinutes: s.duration_minutes,
    })),
    current: current
      ? { id: current.id, startsAt: current.starts_at, date: current.local_date, time: current.local_time }
      : null,
  };
}

/** Another referral's booked consultation runs into this one (those starting up to a day earlier may). */
async function overlapsBooked(
  db: Database,
  siteCode: string,
  startsAt: Date,
  durationMinutes: number,
  referralId: string,
): Promise<boolean> {
  const end = startsAt.getTime() + durationMinutes * 60_000;
  const nearby = await bookedSlotsBetween(
    db,
    siteCode,
    new Date(startsAt.getTime() - 86_400_000).toISOString(),
    new Date(end).toISOString(),
  );
  return nearby.some(
    (b) => b.referral_id !== referralId && Date.parse(b.starts_at) + b.duration_minutes * 60_000 > startsAt.getTime(),
  );
}

type SlotToTake = {
  siteCode: string;
  /** The planned free slot the booking falls on, or none: an override slot is made. */
  planned: { id: string } | undefined;
  slotId: string;
  startsAt: Date;
  date: string;
  time: string;
  durationMinutes: number;
  staff: Staff;
  nowIso: string;
};

/** Takes the slot inside the referral core's transaction; a slot someone else took first throws SlotTakenError. */
function slotTaker(p: SlotToTake) {
  return async (trx: Database, id: string) => {
    // Rebooking frees the slot the referral held (an override slot goes; a planned one is free again).
    await releaseSlotOf(trx, id);
    const taken = p.planned
      ? await claimSlot(trx, p.siteCode, p.planned.id, id, p.nowIso)
      : (await insertSlots(trx, [
          {
            id: p.slotId,
            site_code: p.siteCode,
            starts_at: p.startsAt.toISOString(),
            local_date: p.date,
            local_time: p.time,
            duration_minutes: p.durationMinutes,
            kind: "override",
            referral_id: id,
            booked_at: p.nowIso,
            created_by: p.staff.id,
            created_at: p.nowIso,
          },
        ])) === 1;
    if (!taken) throw new SlotTakenError();
  };
}

/**
 * Checks a booking and says what will be stored. A slot must be the site's, still free (or this referral's own) and
 * ahead; a date and time of the coordinator's own must be ahead and not overlap another booked consultation; if it
 * falls on a planned free slot, that slot is booked. A weekend or public holiday needs the date confirmed.
 */
export async function planBooking(
  db: Database,
  staff: Staff,
  referralId: string,
  input: BookingInput,
  ctx: { now: Date; lng: Language },
): Promise<BookingPlan> {
  const site = await siteClockOf(db, staff.siteCode);
  const nowIso = ctx.now.toISOString();
  let slot = input.slotId && input.slotId !== "other" ? await slotOfSite(db, site.code, input.slotId) : undefined;
  if (input.slotId && input.slotId !== "other") {
    if (!slot || (slot.referral_id && slot.referral_id !== referralId) || slot.starts_at <= nowIso)
      return { ok: false, code: "slot_gone" };
  }
  const date = slot?.local_date ?? input.date!;
  const time = slot?.local_time ?? input.time!;
  const startsAt = zonedInstant(date, time, site.timezone);
  if (!slot) {
    // A day gone is the date's fault; an hour gone today is the time's.
    if (date < localDateTime(ctx.now, site.timezone).date) return { ok: false, code: "date_in_past" };
    if (startsAt <= ctx.now) return { ok: false, code: "time_in_past" };
    const atStart = await slotAtStart(db, site.code, startsAt.toISOString());
    if (atStart && atStart.referral_id && atStart.referral_id !== referralId) return { ok: false, code: "slot_taken" };
    slot = atStart;
  }
  const durationMinutes = slot?.duration_minutes ?? DEFAULT_CONSULTATION_MINUTES;
  if (!slot && (await overlapsBooked(db, site.code, startsAt, durationMinutes, referralId)))
    return { ok: false, code: "slot_taken" };
  const warnings = warningsFor(site, date, ctx.lng);
  if (warnings.length && input.confirmDay !== date) return { ok: false, code: "confirm_day", warnings, date };

  const planned = slot;
  const slotId = planned?.id ?? newId();
  const data: ConsultationData = {
    date,
    time,
    place: input.place,
    ...(input.interpreter ? { interpreter: input.interpreter } : {}),
    timeZone: site.timezone,
    durationMinutes,
    slotId,
    bookedAt: nowIso,
    ...(planned ? {} : { outsideSlots: true as const }),
    ...(warnings.length ? { confirmedDay: warnings.map((w) => w.code) } : {}),
  };
  const takeSlot = slotTaker({
    siteCode: site.code,
    planned,
    slotId,
    startsAt,
    date,
    time,
    durationMinutes,
    staff,
    nowIso,
  });
  return { ok: true, data, takeSlot };
}
