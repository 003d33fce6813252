import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateField } from "~/components/forms/date-field";
import { fieldId } from "~/components/forms/error-summary";
import { FieldFrame, describedBy } from "~/components/forms/field-parts";
import { TextField } from "~/components/forms/text-field";
import { DayWarningsConfirm } from "~/components/scheduling/day-warnings";
import { NoteArea } from "./note-area";

export type BookingView = {
  zone: string;
  canManageSlots: boolean;
  free: {
    id: string;
    startsAt: string;
    date: string;
    time: string;
    dateText: string;
    shortDate: string;
    timeText: string;
    durationMinutes: number;
  }[];
  current: { id: string; dateText: string; timeText: string } | null;
};

type Props = {
  booking: BookingView;
  errors: Record<string, string>;
  text: (name: string) => string | undefined;
  warnings?: { date: string; lines: string[] };
  siteName: string;
  interpreterHintQst: boolean;
};

/** The site's free slots as one list grouped by day, with "another date and time" at its end. */
function SlotSelect({ booking, chosen, error }: { booking: BookingView; chosen?: string; error?: string }) {
  const { t } = useTranslation();
  const slotName = "slotId";
  const hint = t("scheduling:booking.hint", { zone: booking.zone });
  const byDay = new Map<string, BookingView["free"]>();
  for (const slot of booking.free) byDay.set(slot.date, [...(byDay.get(slot.date) ?? []), slot]);
  const days = [...byDay];
  return (
    <FieldFrame name={slotName} label={t("scheduling:booking.legend")} hint={hint} error={error}>
      {/* One list grouped by day rather than a radio per slot: weeks of slots stay one control to read and to tab past. */}
      <select
        id={fieldId(slotName)}
        name={slotName}
        defaultValue={chosen ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(slotName, hint, error)}
        data-testid="slot-choices"
      >
        <option value="">{t("scheduling:booking.choose")}</option>
        {days.map(([day, slots]) => (
          <optgroup key={day} label={slots[0]!.dateText}>
            {slots.map((s) => (
              <option key={s.id} value={s.id} data-date={s.date} data-time={s.time}>
                {t("scheduling:booking.option", {
                  date: s.shortDate,
                  time: s.timeText,
                  length: t("scheduling:minutes", { count: s.durationMinutes }),
                })}
              </option>
            ))}
          </optgroup>
        ))}
        <option value="other">{t("scheduling:booking.other")}</option>
      </select>
      <p className="hint">{t("scheduling:booking.otherHint")}</p>
    </FieldFrame>
  );
}

/**
 * The schedule action's fields: a free slot of the site, or another date and time (outside the slots, with a
 * warning). Without JavaScript both parts are always shown; the server reads the chosen slot, and with none chosen
 * a typed date and time count as "another date and time".
 */
export function ScheduleFields({ booking, errors, text, warnings, siteName, interpreterHintQst }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {booking.current ? (
        <p data-testid="current-booking">
          {t("scheduling:booking.current", { date: booking.current.dateText, time: booking.current.timeText })}
        </p>
      ) : null}
      {booking.free.length === 0 && !booking.current ? (
        <p data-testid="no-slots">{t("scheduling:booking.noSlots")}</p>
      ) : null}
      <SlotSelect booking={booking} chosen={text("slotId") ?? booking.current?.id} error={errors.slotId} />
      {booking.canManageSlots ? (
        <p>
          <Link to="/queue/slots">{t("scheduling:booking.manage")}</Link>
        </p>
      ) : null}
      <DateField
        name="date"
        legend={t("queue:actionPage.date")}
        hint={t("queue:actionPage.dateHint")}
        error={errors.date}
        defaultValue={
          text("date.year") ? `${text("date.year")}-${text("date.month") ?? ""}-${text("date.day") ?? ""}` : undefined
        }
      />
      <TextField
        name="time"
        type="time"
        label={t("queue:actionPage.time")}
        hint={t("queue:actionPage.timeHint")}
        error={errors.time}
        defaultValue={text("time")}
        className="input--short"
      />
      {warnings ? <DayWarningsConfirm date={warnings.date} lines={warnings.lines} error={errors.confirmDay} /> : null}
      <TextField
        name="place"
        label={t("queue:actionPage.place")}
        hint={t("queue:actionPage.placeHint")}
        error={errors.place}
        defaultValue={text("place") ?? siteName}
        autoComplete="off"
      />
      <NoteArea
        name="interpreter"
        label={t("queue:actionPage.interpreter")}
        hint={interpreterHintQst ? t("queue:actionPage.interpreterHintQst") : t("queue:actionPage.interpreterHint")}
        error={errors.interpreter}
        defaultValue={text("interpreter")}
      />
    </>
  );
}
