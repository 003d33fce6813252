import { useTranslation } from "react-i18next";
import { CheckboxField } from "~/components/forms/checkbox-field";
import { TextField } from "~/components/forms/text-field";
import { languages } from "~/i18n/config";
import type { ContactField, SiteContacts } from "~/modules/site-contacts/site-contacts";
import type { FormValues } from "~/utils/form.server";
import { ChangeNoteField } from "~/components/forms/change-note-field";
import { shown } from "~/components/site-edit/edited-field";

type Props = {
  current: Pick<SiteContacts, "contactName" | "phone" | "email" | "hours" | "address" | "mapQuery" | "confirmed">;
  /** What was typed, after a failed save; undefined shows the details in force. */
  typed: FormValues | undefined;
  errors: Record<string, string>;
};

/** The site's contact details, each with "confirmed by the site", and a note on the change. */
export function ContactFields(props: Props) {
  const { t } = useTranslation();
  const { current, typed, errors } = props;
  return (
    <>
      <fieldset>
        <legend>{t("contacts:edit.contactName")}</legend>
        <PerLanguage field="contactName" {...props} />
      </fieldset>
      <OneDetail field="phone" type="tel" hint={t("contacts:edit.phoneHint")} {...props} />
      <OneDetail field="email" type="email" {...props} />
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
          defaultValue={shown(typed, "mapQuery", current.mapQuery)}
        />
        <ConfirmBox field="address" typed={typed} current={current} />
      </fieldset>
      <ChangeNoteField ns="contacts" error={errors.note} typed={typed?.note} rows={3} />
    </>
  );
}

/** A detail written the same in every language (the phone number, the e-mail address), with its confirmation. */
function OneDetail({
  field,
  type,
  hint,
  current,
  typed,
  errors,
}: Props & { field: "phone" | "email"; type: "tel" | "email"; hint?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t(`contacts:fields.${field}`)}</legend>
      <TextField
        name={field}
        label={t(`contacts:fields.${field}`)}
        hint={hint}
        type={type}
        error={errors[field]}
        defaultValue={shown(typed, field, current[field])}
      />
      <ConfirmBox field={field} typed={typed} current={current} />
    </fieldset>
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
