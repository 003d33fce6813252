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

/** The two name fields, family name first (as the portal writes names), with what the browser may fill them with. */
const nameFields = [
  { name: "familyName", autoComplete: "family-name" },
  { name: "givenName", autoComplete: "given-name" },
] as const;

/** A person's family name, given name (family name first, as the portal writes names) and e-mail address. */
export function PersonFields({ values, errors, who, emailHint }: Props) {
  const { t } = useTranslation();
  const own = who === "self";
  return (
    <>
      {nameFields.map((field) => (
        <TextField
          key={field.name}
          name={field.name}
          label={t(`auth:fields.${field.name}`)}
          autoComplete={own ? field.autoComplete : "off"}
          defaultValue={values[field.name]}
          error={errors[field.name]}
        />
      ))}
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
