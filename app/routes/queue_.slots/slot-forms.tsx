import { useTranslation } from "react-i18next";
import { CheckboxList } from "~/components/forms/checkbox-list";
import { TextField } from "~/components/forms/text-field";
import { DayWarningsConfirm } from "~/components/scheduling/day-warnings";
import { TypedDateField } from "~/components/forms/typed-date-field";
import { DateTimeFields, DurationField } from "~/components/scheduling/when-fields";
import type { FormValues } from "~/utils/form.server";
import { PostForm } from "~/components/forms/post-form";
import { typedField } from "~/components/forms/typed-field";

/** What one of the forms was answered with: its errors and what was typed (empty for the other forms). */
type Typed = { errors: Record<string, string>; values: FormValues };

const weekdayNumbers = ["1", "2", "3", "4", "5", "6", "7"];

/** One slot on one day; a day with warnings asks to be confirmed. */
export function OneSlotForm({ typed, warnings }: { typed: Typed; warnings?: { date: string; lines: string[] } }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="slots-one">
      <h2 id="slots-one">{t("scheduling:addOne.heading")}</h2>
      <PostForm intent="one" className="form" data-form="slot-one" noValidate>
        <DateTimeFields
          typed={typed}
          date={{ name: "date", legend: t("scheduling:addOne.date"), hint: t("scheduling:dateHint") }}
          time={{ name: "time", label: t("scheduling:addOne.time"), hint: t("scheduling:timeHint") }}
        />
        <DurationField typed={typed} name="duration" label={t("scheduling:duration")} />
        {warnings ? (
          <DayWarningsConfirm date={warnings.date} lines={warnings.lines} error={typed.errors.confirmDay} />
        ) : null}
        <button type="submit" className="button">
          {t("scheduling:addOne.submit")}
        </button>
      </PostForm>
    </section>
  );
}

/** Slots at the same times on chosen weekdays between two dates (Monday to Friday ticked at first). */
export function PatternForm({ typed }: { typed: Typed }) {
  const { errors, values } = typed;
  const { t } = useTranslation();
  const checkedDays = values.weekdays !== undefined ? values.weekdays.split(",") : ["1", "2", "3", "4", "5"];
  return (
    <section aria-labelledby="slots-pattern">
      <h2 id="slots-pattern">{t("scheduling:pattern.heading")}</h2>
      <p>{t("scheduling:pattern.intro")}</p>
      <PostForm intent="pattern" className="form" data-form="slot-pattern" noValidate>
        <TypedDateField
          typed={typed}
          name="from"
          legend={t("scheduling:pattern.from")}
          hint={t("scheduling:dateHint")}
        />
        <TypedDateField typed={typed} name="to" legend={t("scheduling:pattern.to")} />
        <CheckboxList
          name="weekdays"
          legend={t("scheduling:pattern.weekdays")}
          options={weekdayNumbers.map((n) => ({ value: n, label: t(`scheduling:weekdays.${n}`) }))}
          checked={checkedDays}
          error={errors.weekdays}
          inline
        />
        <TextField
          {...typedField(typed, "times")}
          label={t("scheduling:pattern.times")}
          hint={t("scheduling:pattern.timesHint")}
          autoComplete="off"
        />
        <DurationField typed={typed} name="patternDuration" label={t("scheduling:duration")} />
        <p className="hint">{t("scheduling:pattern.holidaysNote")}</p>
        <button type="submit" className="button">
          {t("scheduling:pattern.submit")}
        </button>
      </PostForm>
    </section>
  );
}
