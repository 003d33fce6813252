import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxList } from "~/components/forms/checkbox-list";
import { DateField } from "~/components/forms/date-field";
import { ErrorSummary } from "~/components/forms/error-summary";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import queueStyles from "~/components/queue/queue.css?url";
import { ScrollTable } from "~/components/scroll-table";
import { DayWarningsConfirm } from "~/components/scheduling/day-warnings";
import { MAX_PATTERN_SLOTS } from "~/domain/scheduling/weekly-pattern";
import { formatCalendarDate } from "~/i18n/datetime";
import { translatorFor } from "~/i18n/i18n.server";
import { requireStaff } from "~/modules/queue/staff.server";
import { dayWarningLines } from "~/modules/scheduling/booking-view.server";
import { whenWords } from "~/modules/scheduling/format";
import { addSlotSchema, addPatternSchema, removeSlotSchema, slotDurations } from "~/modules/scheduling/slots.schema";
import { addSlot, addWeeklyPattern, listSiteSlots, removeSlot } from "~/modules/scheduling/slots.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { formValues, nestValues, translateIssues, type FormValues } from "~/utils/form.server";

// /queue/slots: a site's coordinators keep the consultation slots that bookings choose from. Staff of one site never
// see or change another's: every read and write is bound to the signed-in coordinator's site.

export const handle = { titleKey: "scheduling:title" };
export const links = () => [{ rel: "stylesheet", href: queueStyles }];

async function requireCoordinator(request: Request) {
  const staff = await requireStaff(request);
  // Booking is the coordinators' work (workflow.md); reviewers see the booked consultation on the referral.
  if (staff.role !== "coordinator") throw new Response(null, { status: 403 });
  return staff;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireCoordinator(request);
  const { lng, t } = translatorFor(request);
  const db = await getDb();
  const [list, names] = await Promise.all([listSiteSlots(db, staff, new Date()), siteNames(db)]);
  const tz = list.site.timezone;
  return {
    siteName: names[staff.siteCode as keyof typeof names]?.[lng] ?? staff.siteCode,
    zone: t(`status:sites.${staff.siteCode}.timeZone`),
    slots: list.slots.map((s) => ({ ...s, ...whenWords(s.startsAt, tz, lng) })),
  };
}

type Form = "one" | "pattern" | "remove";
type Answer = {
  form: Form;
  errors: Record<string, string>;
  formError?: string;
  values: FormValues;
  notice?: string[];
  warnings?: { date: string; lines: string[] };
};

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireCoordinator(request);
  const { t, lng } = translatorFor(request);
  const db = await getDb();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const values = formValues(formData);
  const ctx = { now: new Date(), ip: clientIp(request) };

  if (intent === "remove") {
    const parsed = removeSlotSchema.safeParse(values);
    const removed = parsed.success && (await removeSlot(db, staff, parsed.data.slotId, ctx));
    if (!removed)
      return data<Answer>(
        { form: "remove", errors: {}, formError: t("scheduling:validation.notRemoved"), values },
        { status: 409 },
      );
    return { form: "remove", errors: {}, values: {}, notice: [t("scheduling:done.removed")] } satisfies Answer;
  }

  if (intent === "pattern") {
    const weekdays = formData.getAll("weekdays").filter((v): v is string => typeof v === "string");
    // Kept as one text so the form can tick the same days again.
    const all = { ...values, weekdays: weekdays.join(",") };
    // The pattern's length field has its own name: two fields with one id on a page would share a label.
    const parsed = addPatternSchema.safeParse({ ...nestValues(values), duration: values.patternDuration, weekdays });
    if (!parsed.success) {
      const errors = translateIssues(parsed.error.issues, t);
      if (errors.duration) errors.patternDuration = errors.duration;
      delete errors.duration;
      return data<Answer>({ form: "pattern", errors, values: all }, { status: 400 });
    }
    const result = await addWeeklyPattern(db, staff, parsed.data, ctx);
    if (!result.ok) {
      return data<Answer>(
        {
          form: "pattern",
          errors: { to: t("scheduling:validation.tooMany", { count: result.count, max: MAX_PATTERN_SLOTS }) },
          values: all,
        },
        { status: 400 },
      );
    }
    const notice = [t("scheduling:done.added", { count: result.added })];
    if (result.existing) notice.push(t("scheduling:done.existing", { count: result.existing }));
    if (result.past) notice.push(t("scheduling:done.past", { count: result.past }));
    if (result.holidays.length)
      notice.push(
        t("scheduling:done.holidays", {
          dates: result.holidays.map((d) => formatCalendarDate(d, lng, "fullDate")).join(t("scheduling:listSeparator")),
        }),
      );
    return { form: "pattern", errors: {}, values: {}, notice } satisfies Answer;
  }

  const parsed = addSlotSchema.safeParse(nestValues(values));
  if (!parsed.success)
    return data<Answer>({ form: "one", errors: translateIssues(parsed.error.issues, t), values }, { status: 400 });
  const result = await addSlot(db, staff, parsed.data, { ...ctx, lng });
  if (result.ok)
    return {
      form: "one",
      errors: {},
      values: {},
      notice: [t("scheduling:done.added", { count: result.added })],
    } satisfies Answer;
  if (result.code === "confirm_day") {
    const date = parsed.data.date;
    return data<Answer>(
      {
        form: "one",
        errors: { confirmDay: t("scheduling:validation.confirmDay") },
        values,
        warnings: { date, lines: dayWarningLines(date, result.warnings, lng, t) },
      },
      { status: 400 },
    );
  }
  return data<Answer>(
    {
      form: "one",
      errors: {
        time: t(result.code === "exists" ? "scheduling:validation.exists" : "scheduling:validation.dateInPast"),
      },
      values,
    },
    { status: 400 },
  );
}

const weekdayNumbers = ["1", "2", "3", "4", "5", "6", "7"];

export default function Slots() {
  const { t } = useTranslation();
  const { siteName, zone, slots } = useLoaderData<typeof loader>();
  const answer = useActionData<Answer>();
  const errorsOf = (form: Form) => (answer?.form === form ? answer.errors : {});
  const valuesOf = (form: Form) => (answer?.form === form ? answer.values : {});
  const one = valuesOf("one");
  const pattern = valuesOf("pattern");
  const dateOf = (v: FormValues, name: string) =>
    v[`${name}.year`] ? `${v[`${name}.year`]}-${v[`${name}.month`] ?? ""}-${v[`${name}.day`] ?? ""}` : undefined;
  const durationOptions = slotDurations.map((m) => ({
    value: String(m),
    label: t("scheduling:minutes", { count: m }),
  }));
  const checkedDays = pattern.weekdays !== undefined ? pattern.weekdays.split(",") : ["1", "2", "3", "4", "5"];
  return (
    <>
      <h1>{t("scheduling:title")}</h1>
      <p>{t("scheduling:intro", { site: siteName })}</p>
      <p className="hint">{t("scheduling:timesNote", { zone })}</p>
      <ErrorSummary errors={answer?.errors} formError={answer?.formError} />
      {answer?.notice ? (
        <div className="banner banner--success" role="status" data-testid="slots-notice">
          {answer.notice.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}

      <section aria-labelledby="slots-one">
        <h2 id="slots-one">{t("scheduling:addOne.heading")}</h2>
        <Form method="post" className="form" data-form="slot-one" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="one" />
          <DateField
            name="date"
            legend={t("scheduling:addOne.date")}
            hint={t("scheduling:dateHint")}
            error={errorsOf("one").date}
            defaultValue={dateOf(one, "date")}
          />
          <TextField
            name="time"
            label={t("scheduling:addOne.time")}
            hint={t("scheduling:timeHint")}
            error={errorsOf("one").time}
            defaultValue={one.time}
            className="input--short"
            autoComplete="off"
          />
          <SelectField
            name="duration"
            label={t("scheduling:duration")}
            options={durationOptions}
            defaultValue={one.duration ?? "60"}
            error={errorsOf("one").duration}
          />
          {answer?.form === "one" && answer.warnings ? (
            <DayWarningsConfirm
              date={answer.warnings.date}
              lines={answer.warnings.lines}
              error={answer.errors.confirmDay}
            />
          ) : null}
          <button type="submit" className="button">
            {t("scheduling:addOne.submit")}
          </button>
        </Form>
      </section>

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
            error={errorsOf("pattern").from}
            defaultValue={dateOf(pattern, "from")}
          />
          <DateField
            name="to"
            legend={t("scheduling:pattern.to")}
            error={errorsOf("pattern").to}
            defaultValue={dateOf(pattern, "to")}
          />
          <CheckboxList
            name="weekdays"
            legend={t("scheduling:pattern.weekdays")}
            options={weekdayNumbers.map((n) => ({ value: n, label: t(`scheduling:weekdays.${n}`) }))}
            checked={checkedDays}
            error={errorsOf("pattern").weekdays}
            inline
          />
          <TextField
            name="times"
            label={t("scheduling:pattern.times")}
            hint={t("scheduling:pattern.timesHint")}
            error={errorsOf("pattern").times}
            defaultValue={pattern.times}
            autoComplete="off"
          />
          <SelectField
            name="patternDuration"
            label={t("scheduling:duration")}
            options={durationOptions}
            defaultValue={pattern.patternDuration ?? "60"}
            error={errorsOf("pattern").patternDuration}
          />
          <p className="hint">{t("scheduling:pattern.holidaysNote")}</p>
          <button type="submit" className="button">
            {t("scheduling:pattern.submit")}
          </button>
        </Form>
      </section>

      <h2 id="slots-list">{t("scheduling:list.heading")}</h2>
      {slots.length === 0 ? (
        <p data-testid="slots-empty">{t("scheduling:list.none")}</p>
      ) : (
        <ScrollTable labelledBy="slots-list">
          <thead>
            <tr>
              <th scope="col">{t("scheduling:list.date")}</th>
              <th scope="col">{t("scheduling:list.time")}</th>
              <th scope="col">{t("scheduling:duration")}</th>
              <th scope="col">{t("scheduling:list.state")}</th>
              <th scope="col">{t("scheduling:list.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((s) => (
              <tr
                key={s.id}
                data-slot={s.id}
                data-date={s.date}
                data-time={s.time}
                data-state={s.booked ? "booked" : "free"}
              >
                <td>{s.dateText}</td>
                <td>
                  <time dateTime={s.startsAt}>{s.timeText}</time>
                </td>
                <td>{t("scheduling:minutes", { count: s.durationMinutes })}</td>
                <td>
                  {s.booked ? (
                    <>
                      {t(s.kind === "override" ? "scheduling:list.bookedOverride" : "scheduling:list.booked")}{" "}
                      <Link to={`/queue/${s.booked.referralId}`}>{s.booked.referenceCode}</Link>
                    </>
                  ) : s.past ? (
                    t("scheduling:list.past")
                  ) : (
                    t("scheduling:list.free")
                  )}
                </td>
                <td>
                  {!s.booked && !s.past ? (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="slotId" value={s.id} />
                      <button
                        type="submit"
                        className="button button--secondary"
                        aria-label={t("scheduling:list.removeLabel", { date: s.dateText, time: s.timeText })}
                      >
                        {t("scheduling:list.remove")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </>
  );
}
