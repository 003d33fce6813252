import { useTranslation } from "react-i18next";
import { CheckboxField } from "~/components/forms/checkbox-field";
import { TextAreaField } from "~/components/forms/text-area-field";
import { TextField } from "~/components/forms/text-field";
import { languages } from "~/i18n/config";
import type { ContactField, SiteContacts } from "~/modules/site-contacts/site-contacts";
import type { FormValues } from "~/utils/form.server";

type Props = {
  current: Pick<SiteContacts, "contactName" | "phone" | "email" | "hours" | "address" | "mapQuery" | "confirmed">;
  /** What was typed, after a failed save; undefined shows the details in force. */
  typed: FormValues | undefined;
  errors: Record<string, string>;
};

/** After a failed save, what was typed; otherwise the details in force. */
function shown(typed: FormValues | undefined, field: string, inForce: string): string {
  return typed ? (typed[field] ?? "") : inForce;
}

/** The site's contact details, each with "confirmed by the site", and a note on the change. */
export function ContactFields(props: Props) {
  const { t } = useTranslation();
  const { current, typed, errors } = props;
  const value = (field: string, inForce: string) => shown(typed, field, inForce);
  return (
    <>
      <fieldset>
        <legend>{t("contacts:edit.contactName")}</legend>
        <PerLanguage field="contactName" {...props} />
      </fieldset>
      <fieldset>
        <legend>{t("contacts:fields.phone")}</legend>
        <TextField
          name="phone"
          label={t("contacts:fields.phone")}
          hint={t("contacts:edit.phoneHint")}
          type="tel"
          error={errors.phone}
          defaultValue={value("phone", current.phone)}
        />
        <ConfirmBox field="phone" typed={typed} current={current} />
      </fieldset>
      <fieldset>
        <legend>{t("contacts:fields.email")}</legend>
        <TextField
          name="email"
          label={t("contacts:fields.email")}
          type="email"
          error={errors.email}
          defaultValue={value("email", current.email)}
        />
        <ConfirmBox field="email" typed={typed} current={current} />
      </fieldset>
      <fieldset>
        <legend>{t("contacts:fields.hours")}</legend>
        <PerLanguage field="hours" {...props} />
        <ConfirmBox field="hours" typed={typed} current={current} />
      </fieldset>
      <fieldset>
        <legend>{t("contacts:fields.address")}</legend>
        <PerLanguage field="address" {...props} />
        <TextField
          name="mapQuery"
          label={t("contacts:edit.mapQuery")}
          hint={t("contacts:edit.mapQueryHint")}
          error={errors.mapQuery}
          defaultValue={value("mapQuery", current.mapQuery)}
        />
        <ConfirmBox field="address" typed={typed} current={current} />
      </fieldset>
      <TextAreaField
        name="note"
        label={t("contacts:edit.note")}
        hint={t("contacts:edit.noteHint")}
        error={errors.note}
        defaultValue={typed?.note ?? ""}
        rows={3}
      />
      <TextAreaField
        name="note"
        label={t("contacts:edit.note")}
        hint={t("contacts:edit.noteHint")}
        error={errors.note}
        defaultValue={typed?.note ?? ""}
        rows={3}
      />
    </>
  );
}

/** A detail written in each language, its `lang` set so it is read in that language. */
function PerLanguage({ field, current, typed, errors }: Props & { field: "contactName" | "hours" | "address" }) {
  const { t } = useTranslation();
  return languages.map((lng) => (
    <TextField
      key={`${field}.${lng}`}
      name={`${field}.${lng}`}
      label={t(`contacts:edit.${field}In.${lng}`)}
      lang={lng}
      error={errors[`${field}.${lng}`]}
      defaultValue={shown(typed, `${field}.${lng}`, current[field][lng])}
    />
  ));
}

/** "Confirmed by the site" for one detail: only confirmed details are shown to patients and physicians. */
function ConfirmBox({ field, typed, current }: Pick<Props, "typed" | "current"> & { field: ContactField }) {
  const { t } = useTranslation();
  return (
    <CheckboxField
      name={`${field}Confirmed`}
      value="yes"
      label={t(`contacts:edit.confirmed.${field}`)}
      hint={t("contacts:edit.confirmedHint")}
      defaultChecked={typed ? typed[`${field}Confirmed`] === "yes" : current.confirmed[field]}
    />
  );
}
