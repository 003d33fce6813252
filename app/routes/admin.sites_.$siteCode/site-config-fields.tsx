import { useTranslation } from "react-i18next";
import { indicationKey } from "~/i18n/screen-keys";
import { CheckboxGroup } from "~/components/forms/checkbox-group";
import { RadioGroup } from "~/components/forms/radio-group";
import { TextField } from "~/components/forms/text-field";
import { indications } from "~/domain/case/vocabulary";
import { siteLanguages } from "~/modules/sites/site-config.schema";
import type { SiteConfigVersion } from "~/modules/sites/sites.service.server";
import type { FormValues } from "~/utils/form.server";
import { ChangeNoteField } from "~/components/forms/change-note-field";
import { editedField } from "~/components/site-edit/edited-field";

type Props = {
  current: Pick<
    SiteConfigVersion,
    "acceptedIndications" | "treatsOnSite" | "languages" | "weeklyCapacity" | "clinicalSignoffRequired"
  >;
  /** What was typed, after a failed save; undefined shows the configuration in force. */
  typed: FormValues | undefined;
  errors: Record<string, string>;
};

/** The site configuration's fields: indications, on-site treatment, languages, capacity, sign-off, and a note. */
export function SiteConfigFields({ current, typed, errors }: Props) {
  const { t } = useTranslation();
  const yesNo = (inForce: boolean) => (inForce ? "yes" : "no");
  return (
    <>
      <TickedList
        name="acceptedIndications"
        hint={t("sites:edit.acceptedIndicationsHint")}
        options={indications.map((code) => ({ value: code, label: t(indicationKey(code)) }))}
        inForce={current.acceptedIndications}
        typed={typed}
        error={errors.acceptedIndications}
      />
      <YesNoField {...editedField(typed, errors, "treatsOnSite", yesNo(current.treatsOnSite))} />
      <TickedList
        name="languages"
        inline
        options={siteLanguages.map((lng) => ({ value: lng, label: t(`sites:languageNames.${lng}`) }))}
        inForce={current.languages}
        typed={typed}
        error={errors.languages}
      />
      <TextField
        {...editedField(typed, errors, "weeklyCapacity", String(current.weeklyCapacity))}
        label={t("sites:edit.weeklyCapacity")}
        hint={t("sites:edit.weeklyCapacityHint")}
        inputMode="numeric"
        className="input--short"
      />
      <YesNoField {...editedField(typed, errors, "clinicalSignoff", yesNo(current.clinicalSignoffRequired))} />
      <ChangeNoteField ns="sites" error={errors.note} typed={typed?.note} rows={4} />
    </>
  );
}

/** A yes/no question in one row, its legend and hint the field's own words (sites:edit.<name>, <name>Hint). */
function YesNoField(props: { name: "treatsOnSite" | "clinicalSignoff"; error?: string; defaultValue?: string }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name={props.name}
      legend={t(`sites:edit.${props.name}`)}
      hint={t(`sites:edit.${props.name}Hint`)}
      error={props.error}
      inline
      defaultValue={props.defaultValue}
      options={[
        { value: "yes", label: t("sites:config.yes") },
        { value: "no", label: t("sites:config.no") },
      ]}
    />
  );
}

/** A list of boxes (sites:edit.<name>), ticked as typed after a failed save, otherwise as in force. */
function TickedList({
  name,
  options,
  inForce,
  typed,
  ...group
}: {
  name: "acceptedIndications" | "languages";
  hint?: string;
  inline?: boolean;
  options: { value: string; label: string }[];
  inForce: readonly string[];
  typed: FormValues | undefined;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      name={name}
      legend={t(`sites:edit.${name}`)}
      {...group}
      options={options.map((o) => ({
        ...o,
        checked: typed ? typed[`${name}.${o.value}`] === "true" : inForce.includes(o.value),
      }))}
    />
  );
}
