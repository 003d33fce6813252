import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { DateField } from "~/components/forms/date-field";
import { RadioGroup } from "~/components/forms/radio-group";
import { SelectField } from "~/components/forms/select-field";
import { TextAreaField } from "~/components/forms/text-area-field";
import { NOTE_MAX_LENGTH } from "~/modules/staff-exchange/staff-exchange.schema";

type FormValues = Record<string, string>;
export type GrantAnswer = { errors: Record<string, string>; values: FormValues };

type Props = {
  hosts: { value: string; label: string }[];
  candidates: { id: string; name: string; email: string; role: string; site: string }[];
  maxDays: number;
  answer: GrantAnswer | undefined;
};

/** A date typed as year / month / day fields comes back as those three values. */
const typedDate = (values: FormValues, name: string) =>
  values[`${name}.year`] || values[`${name}.month`] || values[`${name}.day`]
    ? `${values[`${name}.year`] ?? ""}-${values[`${name}.month`] ?? ""}-${values[`${name}.day`] ?? ""}`
    : undefined;

/** The grant form: who visits, which host, the host's days, why. Works without JavaScript. */
export function GrantForm({ hosts, candidates, maxDays, answer }: Props) {
  const { t } = useTranslation();
  const values = answer?.values ?? {};
  const errors = answer?.errors ?? {};
  return (
    <section aria-labelledby="exchange-form-heading">
      <h2 id="exchange-form-heading">{t("admin:exchange.form.heading")}</h2>
      <Form method="post" className="form" data-form="staff-exchange" noValidate>
        <CsrfInput />
        <SelectField
          name="visitorId"
          label={t("admin:exchange.form.visitor")}
          hint={t("admin:exchange.form.visitorHint")}
          placeholder={t("admin:exchange.form.visitorPlaceholder")}
          options={candidates.map((c) => ({
            value: c.id,
            label: t("admin:exchange.form.visitorOption", {
              name: c.name,
              role: t(`roles.${c.role}`),
              site: c.site,
              email: c.email,
            }),
          }))}
          defaultValue={values.visitorId ?? ""}
          error={errors.visitorId}
        />
        {hosts.length > 1 ? (
          <RadioGroup
            name="hostSiteCode"
            legend={t("admin:exchange.form.host")}
            hint={t("admin:exchange.form.hostHint")}
            options={hosts}
            defaultValue={values.hostSiteCode}
            error={errors.hostSiteCode}
          />
        ) : (
          // An administrator of one site grants for that site only: nothing to choose.
          <input type="hidden" name="hostSiteCode" value={hosts[0]?.value ?? ""} />
        )}
        <DateField
          name="from"
          legend={t("admin:exchange.form.from")}
          hint={t("admin:exchange.form.datesHint", { max: maxDays })}
          error={errors.from}
          defaultValue={typedDate(values, "from")}
        />
        <DateField
          name="to"
          legend={t("admin:exchange.form.to")}
          error={errors.to}
          defaultValue={typedDate(values, "to")}
        />
        <TextAreaField
          name="note"
          label={t("admin:exchange.form.note")}
          hint={t("admin:exchange.form.noteHint")}
          error={errors.note}
          defaultValue={values.note}
          maxLength={NOTE_MAX_LENGTH}
          rows={3}
        />
        <button type="submit" className="button">
          {t("admin:exchange.form.submit")}
        </button>
      </Form>
    </section>
  );
}
