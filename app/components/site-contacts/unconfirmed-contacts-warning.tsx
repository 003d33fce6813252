import { useTranslation } from "react-i18next";
import type { ContactField } from "~/modules/site-contacts/site-contacts";

/**
 * The warning staff (and the physician printing a handout) see while a site has not confirmed some of its contact
 * details: patients and letters leave those details out until it does (docs/decisions/0023).
 */
export function UnconfirmedContactsWarning({
  site,
  fields,
  context,
}: {
  site: string;
  fields: ContactField[];
  context: "staff" | "handout" | "admin";
}) {
  const { t } = useTranslation();
  const list = fields.map((field) => t(`contacts:fields.${field}`)).join(t("contacts:listSeparator"));
  return (
    <div className="banner banner--warning" role="note" data-testid="unconfirmed-contacts">
      <p>
        <strong>{t("contacts:warning.title", { site })}</strong>
      </p>
      <p>{t(`contacts:warning.${context}`, { site, fields: list })}</p>
    </div>
  );
}
