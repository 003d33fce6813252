import { useTranslation } from "react-i18next";
import { PostForm, SubmitButton } from "~/components/forms/post-form";
import { RadioGroup } from "~/components/forms/radio-group";
import { SelectField } from "~/components/forms/select-field";
import { TextAreaField } from "~/components/forms/text-area-field";
import { TypedDateField } from "~/components/forms/typed-date-field";
import { typedField } from "~/components/forms/typed-field";
import { NOTE_MAX_LENGTH } from "~/modules/staff-exchange/staff-exchange.schema";

type FormValues = Record<string, string>;
export type GrantAnswer = { errors: Record<string, string>; values: FormValues };

type Props = {
  hosts: { value: string; label: string }[];
  candidates: { id: string; name: string; email: string; role: string; site: string }[];
  maxDays: number;
  answer: GrantAnswer | undefined;
};

/** The grant form: who visits, which host, the host's days, why. Works without JavaScript. */
export function GrantForm({ hosts, candidates, maxDays, answer }: Props) {
  const { t } = useTranslation();
  const typed = { values: answer?.values ?? {}, errors: answer?.errors ?? {} };
  return (
    <section aria-labelledby="exchange-form-heading">
      <h2 id="exchange-form-heading">{t("admin:exchange.form.heading")}</h2>
      <PostForm className="form" data-form="staff-exchange" noValidate>
        <SelectField
          {...typedField(typed, "visitorId", "")}
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
        />
        {hosts.length > 1 ? (
          <RadioGroup
            {...typedField(typed, "hostSiteCode")}
            legend={t("admin:exchange.form.host")}
            hint={t("admin:exchange.form.hostHint")}
            options={hosts}
          />
        ) : (
          // An administrator of one site grants for that site only: nothing to choose.
          <input type="hidden" name="hostSiteCode" value={hosts[0]?.value ?? ""} />
        )}
        <TypedDateField
          typed={typed}
          name="from"
          legend={t("admin:exchange.form.from")}
          hint={t("admin:exchange.form.datesHint", { max: maxDays })}
        />
        <TypedDateField typed={typed} name="to" legend={t("admin:exchange.form.to")} />
        <TextAreaField
          {...typedField(typed, "note")}
          label={t("admin:exchange.form.note")}
          hint={t("admin:exchange.form.noteHint")}
          maxLength={NOTE_MAX_LENGTH}
          rows={3}
        />
        <SubmitButton>{t("admin:exchange.form.submit")}</SubmitButton>
      </PostForm>
    </section>
  );
}
