import { useTranslation } from "react-i18next";
import { TextField } from "./text-field";

type Props = {
  values: { familyName?: string; givenName?: string; email?: string };
  errors: Record<string, string | undefined>;
  /**
   * `self`: the person types their own name and address, and the browser may fill them in; `other`: an
   * administrator types someone else's, which the browser must not fill with the administrator's own.
   */
  who: "self" | "other";
  emailHint?: string;
};

/** A person's family name, given name (family name first, as the portal writes names) and e-mail address. */
export function PersonFields({ values, errors, who, emailHint }: Props) {
  const { t } = useTranslation();
  const own = who === "self";
  return (
    <>
      <TextField
        name="familyName"
        label={t("auth:fields.familyName")}
        autoComplete={own ? "family-name" : "off"}
        defaultValue={values.familyName}
        error={errors.familyName}
      />
      <TextField
        name="givenName"
        label={t("auth:fields.givenName")}
        autoComplete={own ? "given-name" : "off"}
        defaultValue={values.givenName}
        error={errors.givenName}
      />
      <TextField
        name="email"
        type="email"
        label={t("auth:fields.email")}
        hint={emailHint}
        autoComplete={own ? "email" : "off"}
        spellCheck={false}
        autoCapitalize="none"
        defaultValue={values.email}
        error={errors.email}
      />
    </>
  );
}
