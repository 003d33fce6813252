import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxList } from "~/components/forms/checkbox-list";
import { DateField } from "~/components/forms/date-field";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import { DayWarningsConfirm } from "~/components/scheduling/day-warnings";
import { slotDurations } from "~/modules/scheduling/slots.schema";
import type { FormValues } from "~/utils/form.server";

/** What one of the forms was answered with: its errors and what was typed (empty for the other forms). */
type Typed = { errors: Record<string, string>; values: FormValues };

const weekdayNumbers = ["1", "2", "3", "4", "5", "6", "7"];

/** A date typed in three parts (`date.year`, …), put back together for the date field. */
const dateOf = (v: FormValues, name: string) =>
  v[`${name}.year`] ? `${v[`${name}.year`]}-${v[`${name}.month`] ?? ""}-${v[`${name}.day`] ?? ""}` : undefined;

function useDurationOptions() {
  const { t } = useTranslation();
  return slotDurations.map((m) => ({ value: String(m), label: t("scheduling:minutes", { count: m }) }));
}

/** One slot on one day; a day with warnings asks to be confirmed. */
export function OneSlotForm({
  typed: { errors, values },
  warnings,
}: {
  typed: Typed;
  warnings?: { date: string; lines: string[] };
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="slots-one">
      <h2 id="slots-one">{t("scheduling:addOne.heading")}</h2>
      <Form method="post" className="form" data-form="slot-one" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="one" />
        <DateField
          name="date"
          legend={t("scheduling:addOne.date")}
          hint={t("scheduling:dateHint")}
          error={errors.date}
          defaultValue={dateOf(values, "date")}
        />
        <TextField
          name="time"
          label={t("scheduling:addOne.time")}
          hint={t("scheduling:timeHint")}
          error={errors.time}
          defaultValue={values.time}
          className="input--short"
          autoComplete="off"
        />
        <SelectField
          name="duration"
          label={t("scheduling:duration")}
          options={useDurationOptions()}
          defaultValue={values.duration ?? "60"}
          error={errors.duration}
        />
        {warnings ? <DayWarningsConfirm date={warnings.date} lines={warnings.lines} error={errors.confirmDay} /> : null}
        <button type="submit" className="button">
          {t("scheduling:addOne.submit")}
        </button>
      </Form>
    </section>
  );
}

/** Slots at the same times on chosen weekdays between two dates (Monday to Friday ticked at first). */
export function PatternForm({ typed: { errors, values } }: { typed: Typed }) {
  const { t } = useTranslation();
  const checkedDays = values.weekdays !== undefined ? values.weekdays.split(",") : ["1", "2", "3", "4", "5"];
  return (
    <section aria-labelledby="slots-pattern">
      <h2 id="slots-pattern">{t("scheduling:pattern.heading")}</h2>
      <p>{t("scheduling:pattern.intro")}</p>
      <Form method="post" className="form" data-form="slot-pattern" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="pattern" />
        <DateField
          name="from"
          legend={t("scheduling:pattern.from")}
          hint={t("scheduling:dateHint")}
          error={errors.from}
          defaultValue={dateOf(values, "from")}
        />
        <DateField
          name="to"
          legend={t("scheduling:pattern.to")}
          error={errors.to}
          defaultValue={dateOf(values, "to")}
        />
        <CheckboxList
          name="weekdays"
          legend={t("scheduling:pattern.weekdays")}
          options={weekdayNumbers.map((n) => ({ value: n, label: t(`scheduling:weekdays.${n}`) }))}
          checked={checkedDays}
          error={errors.weekdays}
          inline
        />
        <TextField
          name="times"
          label={t("scheduling:pattern.times")}
          hint={t("scheduling:pattern.timesHint")}
          error={errors.times}
          defaultValue={values.times}
          autoComplete="off"
        />
        <SelectField
          name="patternDuration"
          label={t("scheduling:duration")}
          options={useDurationOptions()}
          defaultValue={values.patternDuration ?? "60"}
          error={errors.patternDuration}
        />
        <p className="hint">{t("scheduling:pattern.holidaysNote")}</p>
        <button type="submit" className="button">
          {t("scheduling:pattern.submit")}
        </button>
      </Form>
    </section>
  );
}
