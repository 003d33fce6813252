import { useTranslation } from "react-i18next";
import { indicationKey } from "~/i18n/screen-keys";
import { CheckboxGroup } from "~/components/forms/checkbox-group";
import { RadioGroup } from "~/components/forms/radio-group";
import { TextAreaField } from "~/components/forms/text-area-field";
import { TextField } from "~/components/forms/text-field";
import { indications } from "~/domain/case/vocabulary";
import { siteLanguages } from "~/modules/sites/site-config.schema";
import type { SiteConfigVersion } from "~/modules/sites/sites.service.server";
import type { FormValues } from "~/utils/form.server";

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
  const checked = (group: string, value: string, inForce: boolean) =>
    typed ? typed[`${group}.${value}`] === "true" : inForce;
  const yesNo = (inForce: boolean) => (inForce ? "yes" : "no");
  return (
    <>
      <CheckboxGroup
        name="acceptedIndications"
        legend={t("sites:edit.acceptedIndications")}
        hint={t("sites:edit.acceptedIndicationsHint")}
        error={errors.acceptedIndications}
        options={indications.map((code) => ({
          value: code,
          label: t(indicationKey(code)),
          checked: checked("acceptedIndications", code, current.acceptedIndications.includes(code)),
        }))}
      />
      <YesNoField
        name="treatsOnSite"
        error={errors.treatsOnSite}
        defaultValue={typed ? typed.treatsOnSite : yesNo(current.treatsOnSite)}
      />
      <CheckboxGroup
        name="languages"
        legend={t("sites:edit.languages")}
        error={errors.languages}
        inline
        options={siteLanguages.map((lng) => ({
          value: lng,
          label: t(`sites:languageNames.${lng}`),
          checked: checked("languages", lng, current.languages.includes(lng)),
        }))}
      />
      <TextField
        name="weeklyCapacity"
        label={t("sites:edit.weeklyCapacity")}
        hint={t("sites:edit.weeklyCapacityHint")}
        error={errors.weeklyCapacity}
        inputMode="numeric"
        className="input--short"
        defaultValue={typed ? (typed.weeklyCapacity ?? "") : String(current.weeklyCapacity)}
      />
      <YesNoField
        name="clinicalSignoff"
        error={errors.clinicalSignoff}
        defaultValue={typed ? typed.clinicalSignoff : yesNo(current.clinicalSignoffRequired)}
      />
      <TextAreaField
        name="note"
        label={t("sites:edit.note")}
        hint={t("sites:edit.noteHint")}
        error={errors.note}
        defaultValue={typed?.note ?? ""}
        rows={4}
      />
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
