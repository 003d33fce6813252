import { useTranslation } from "react-i18next";
import { languageAutonyms, languages } from "~/i18n/config";
import { countries } from "~/modules/accounts/accounts.schema";
import { RadioGroup } from "./radio-group";
import { TextField } from "./text-field";

/** A password being chosen: hidden as typed, and offered to password managers to save (`new-password`). */
export function NewPasswordField(props: { name: string; label: string; hint: string; error?: string }) {
  return <TextField {...props} type="password" autoComplete="new-password" />;
}

/** The language the portal speaks to an account (pages and mail), each language named in itself. */
export function PreferredLanguageField(props: { defaultValue: string; hint?: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name="preferredLanguage"
      legend={t("auth:fields.preferredLanguage")}
      hint={props.hint}
      options={languages.map((l) => ({ value: l, label: languageAutonyms[l] }))}
      defaultValue={props.defaultValue}
      error={props.error}
      inline
    />
  );
}

type Props = {
  values: { institution?: string; country?: string; preferredLanguage?: string };
  errors: Record<string, string | undefined>;
  /** The language chosen before anything is posted: the page's own. */
  defaultLanguage: string;
  /**
   * `self`: the person describes their own account (with hints, and the browser may fill in the institution);
   * `other`: an administrator describes someone else's, which the browser must not fill with the administrator's own.
   */
  who: "self" | "other";
};

/** Where an account's holder works (institution, country) and the language the portal speaks to them. */
export function AccountPlaceFields({ values, errors, defaultLanguage, who }: Props) {
  const { t } = useTranslation();
  const own = who === "self";
  return (
    <>
      <TextField
        name="institution"
        label={t("auth:fields.institution")}
        hint={own ? t("auth:register.institutionHint") : undefined}
        autoComplete={own ? "organization" : "off"}
        defaultValue={values.institution}
        error={errors.institution}
      />
      <RadioGroup
        name="country"
        legend={t("auth:fields.country")}
        options={countries.map((c) => ({ value: c, label: t(`auth:countries.${c}`) }))}
        defaultValue={values.country}
        error={errors.country}
        inline
      />
      <PreferredLanguageField
        defaultValue={values.preferredLanguage ?? defaultLanguage}
        hint={own ? t("auth:register.preferredLanguageHint") : undefined}
        error={errors.preferredLanguage}
      />
    </>
  );
}

/**
 * The code from a one-time-code app, which the browser or phone may offer to fill in (`one-time-code`). Where a
 * recovery code (letters and digits) is taken too, the keyboard is a text one and nothing is corrected or capitalised;
 * otherwise it is the digits keyboard.
 */
export function OneTimeCodeField(props: { label: string; hint: string; error?: string; recoveryCodes?: boolean }) {
  const { recoveryCodes, ...field } = props;
  const typing = recoveryCodes
    ? ({ inputMode: "text", spellCheck: false, autoCapitalize: "none" } as const)
    : ({ inputMode: "numeric" } as const);
  return <TextField name="code" {...field} autoComplete="one-time-code" {...typing} />;
}
