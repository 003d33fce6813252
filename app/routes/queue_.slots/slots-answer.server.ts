import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import { MAX_PATTERN_SLOTS } from "~/domain/scheduling/weekly-pattern";
import type { Language } from "~/i18n/config";
import { formatCalendarDate } from "~/i18n/format";
import type { Staff } from "~/modules/queue/staff.server";
import { dayWarningLines } from "~/modules/scheduling/booking-view.server";
import { addPatternSchema, addSlotSchema, removeSlotSchema } from "~/modules/scheduling/slots.schema";
import { addSlot, addWeeklyPattern, removeSlot, type SlotContext } from "~/modules/scheduling/slots.service.server";
import type { Database } from "~/utils/db.server";
import { nestValues, translateIssues, type FormValues } from "~/utils/form.server";

/** Which of the page's three forms answered. */
export type SlotForm = "one" | "pattern" | "remove";

/** A form's answer: what was done, or each field's error and what was typed, for that form only. */
export type SlotsAnswer = {
  form: SlotForm;
  errors: Record<string, string>;
  formError?: string;
  values: FormValues;
  notice?: string[];
  warnings?: { date: string; lines: string[] };
};

/** One posted form of the slots page, with what it needs to answer in the reader's language. */
export type SlotsPost = {
  db: Database;
  staff: Staff;
  formData: FormData;
  values: FormValues;
  ctx: SlotContext;
  t: TFunction;
  lng: Language;
};

/** Removes a free slot; a slot already booked, past or gone is refused with one message for the form. */
export async function removeAnswer({ db, staff, values, ctx, t }: SlotsPost) {
  const parsed = removeSlotSchema.safeParse(values);
  const removed = parsed.success && (await removeSlot(db, staff, parsed.data.slotId, ctx));
  if (!removed)
    return data<SlotsAnswer>(
      { form: "remove", errors: {}, formError: t("scheduling:validation.notRemoved"), values },
      { status: 409 },
    );
  return { form: "remove", errors: {}, values: {}, notice: [t("scheduling:done.removed")] } satisfies SlotsAnswer;
}

/** The weekly pattern's notice: how many slots were added, and which were already there, past or on a holiday. */
function patternNotice(result: Extract<Awaited<ReturnType<typeof addWeeklyPattern>>, { ok: true }>, post: SlotsPost) {
  const { t, lng } = post;
  const notice = [t("scheduling:done.added", { count: result.added })];
  if (result.existing) notice.push(t("scheduling:done.existing", { count: result.existing }));
  if (result.past) notice.push(t("scheduling:done.past", { count: result.past }));
  if (result.holidays.length)
    notice.push(
      t("scheduling:done.holidays", {
        dates: result.holidays.map((d) => formatCalendarDate(d, lng, "fullDate")).join(t("scheduling:listSeparator")),
      }),
    );
  return notice;
}

/** Adds the slots of a weekly pattern between two dates. */
export async function patternAnswer(post: SlotsPost) {
  const { db, staff, formData, values, ctx, t } = post;
  const weekdays = formData.getAll("weekdays").filter((v): v is string => typeof v === "string");
  // Kept as one text so the form can tick the same days again.
  const all = { ...values, weekdays: weekdays.join(",") };
  // The pattern's length field has its own name: two fields with one id on a page would share a label.
  const parsed = addPatternSchema.safeParse({ ...nestValues(values), duration: values.patternDuration, weekdays });
  if (!parsed.success) {
    const errors = translateIssues(parsed.error.issues, t);
    if (errors.duration) errors.patternDuration = errors.duration;
    delete errors.duration;
    return data<SlotsAnswer>({ form: "pattern", errors, values: all }, { status: 400 });
  }
  const result = await addWeeklyPattern(db, staff, parsed.data, ctx);
  if (!result.ok) {
    return data<SlotsAnswer>(
      {
        form: "pattern",
        errors: { to: t("scheduling:validation.tooMany", { count: result.count, max: MAX_PATTERN_SLOTS }) },
        values: all,
      },
      { status: 400 },
    );
  }
  return { form: "pattern", errors: {}, values: {}, notice: patternNotice(result, post) } satisfies SlotsAnswer;
}

/** Adds one slot; a day with warnings (a holiday, a closed day) is added only once the box confirms it. */
export async function oneSlotAnswer({ db, staff, values, ctx, t, lng }: SlotsPost) {
  const parsed = addSlotSchema.safeParse(nestValues(values));
  if (!parsed.success)
    return data<SlotsAnswer>({ form: "one", errors: translateIssues(parsed.error.issues, t), values }, { status: 400 });
  const result = await addSlot(db, staff, parsed.data, { ...ctx, lng });
  if (result.ok)
    return {
      form: "one",
      errors: {},
      values: {},
      notice: [t("scheduling:done.added", { count: result.added })],
    } satisfies SlotsAnswer;
  if (result.code === "confirm_day") {
    const date = parsed.data.date;
    return data<SlotsAnswer>(
      {
        form: "one",
        errors: { confirmDay: t("scheduling:validation.confirmDay") },
        values,
        warnings: { date, lines: dayWarningLines(date, result.warnings, lng, t) },
      },
      { status: 400 },
    );
  }
  const message = t(result.code === "exists" ? "scheduling:validation.exists" : "scheduling:validation.dateInPast");
  return data<SlotsAnswer>({ form: "one", errors: { time: message }, values }, { status: 400 });
}
