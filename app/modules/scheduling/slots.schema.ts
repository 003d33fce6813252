// The forms of the slots page and of booking a consultation. Pure: the page and the service read the same schemas.
// Messages are translation keys of the "scheduling" namespace, translated per request.
import { z } from "zod";

export const slotDurations = [30, 45, 60, 90, 120] as const;
/** A consultation booked outside the planned slots lasts this long (the first consultation's usual length). */
export const DEFAULT_CONSULTATION_MINUTES = 60;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
export const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRealDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** "9:00", "09:00" and full-width digits all read as 09:00. */
function normaliseTime(value: string): string {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(value.normalize("NFKC").trim());
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : value.trim();
}

const date = (required: string) =>
  z.string({ message: required }).refine(isRealDate, { message: "scheduling:validation.dateInvalid" });
/** A wall-clock time field whose absence is reported with `required` (each form names its own time). */
export const wallTimeField = (required: string) =>
  z
    .string({ message: required })
    .transform(normaliseTime)
    .refine((v) => timePattern.test(v), { message: "scheduling:validation.timeInvalid" });
const time = wallTimeField("scheduling:validation.timeRequired");
const duration = z.coerce
  .number({ message: "scheduling:validation.durationRequired" })
  .refine((v) => (slotDurations as readonly number[]).includes(v), {
    message: "scheduling:validation.durationRequired",
  });

export const addSlotSchema = z.object({
  date: date("scheduling:validation.dateRequired"),
  time,
  duration,
  /** The date whose weekend or holiday warning the coordinator confirmed (a changed date is warned about again). */
  confirmDay: z.string().optional(),
});

export const addPatternSchema = z
  .object({
    from: date("scheduling:validation.fromRequired"),
    to: date("scheduling:validation.toRequired"),
    weekdays: z
      .array(z.coerce.number().int().min(1).max(7))
      .min(1, { message: "scheduling:validation.weekdaysRequired" }),
    times: z
      .string({ message: "scheduling:validation.timesRequired" })
      .transform((v) =>
        v
          .split(/[,、，\s]+/)
          .filter(Boolean)
          .map(normaliseTime),
      )
      .refine((list) => list.length > 0, { message: "scheduling:validation.timesRequired" })
      .refine((list) => list.every((v) => timePattern.test(v)), { message: "scheduling:validation.timesInvalid" }),
    duration,
  })
  .refine((v) => v.from <= v.to, { path: ["to"], message: "scheduling:validation.toBeforeFrom" });

export const removeSlotSchema = z.object({
  slotId: z.string().regex(uuid, { message: "scheduling:validation.slotGone" }),
});

/**
 * Booking a first consultation: a free slot of the site, or ("other") a date and time of the coordinator's choosing.
 * With no choice made, a typed date and time count as "other", so a coordinator who only types a time is not refused.
 */
export const bookingSchema = z
  .object({
    slotId: z
      .string()
      .refine((v) => v === "other" || uuid.test(v), { message: "scheduling:validation.slotGone" })
      .optional(),
    date: date("scheduling:validation.dateRequired").optional(),
    time: time.optional(),
    place: z
      .string({ message: "queue:validation.placeRequired" })
      .trim()
      .min(1, { message: "queue:validation.placeRequired" })
      .max(200, { message: "queue:validation.tooLong" }),
    interpreter: z
      .string()
      .trim()
      .max(500, { message: "queue:validation.tooLong" })
      .optional()
      .transform((v) => v || undefined),
    confirmDay: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.slotId && v.slotId !== "other") return;
    if (!v.date)
      ctx.addIssue({
        code: "custom",
        path: ["date"],
        message: v.slotId ? "scheduling:validation.dateRequired" : "scheduling:validation.slotOrDate",
      });
    if (!v.time && v.date)
      ctx.addIssue({ code: "custom", path: ["time"], message: "scheduling:validation.timeRequired" });
  });

export type BookingInput = z.output<typeof bookingSchema>;
export { date as requiredDate };
