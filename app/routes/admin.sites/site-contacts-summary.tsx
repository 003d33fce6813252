import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UnconfirmedContactsWarning } from "~/components/site-contacts/unconfirmed-contacts-warning";
import { contactFields, unconfirmedFields, type SiteContacts } from "~/modules/site-contacts/site-contacts";
import { isLanguage } from "~/i18n/config";

/** A site's contact details in force on /admin/sites, each with whether the site has confirmed it. */
export function SiteContactsSummary({
  code,
  name,
  contacts,
  checklistVersion,
}: {
  code: string;
  name: string;
  contacts: SiteContacts | null;
  checklistVersion: number | null;
}) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const unconfirmed = unconfirmedFields(contacts);
  const shown = (field: (typeof contactFields)[number]) => {
    if (!contacts) return "";
    if (field === "phone" || field === "email") return contacts[field];
    return contacts[field][lng];
  };
  return (
    <>
      <h3 id={`site-${code}-contacts`}>
        {t("contacts:admin.heading")}{" "}
        {contacts ? <span className="tag">{t("sites:config.versionLabel", { version: contacts.version })}</span> : null}
      </h3>
      {unconfirmed.length ? <UnconfirmedContactsWarning site={name} fields={unconfirmed} context="admin" /> : null}
      {contacts ? (
        <dl className="summary-list" data-contacts={code}>
          <div>
            <dt>{t("contacts:edit.contactName")}</dt>
            <dd>{contacts.contactName[lng]}</dd>
          </div>
          {contactFields.map((field) => (
            <div key={field}>
              <dt>{t(`contacts:fields.${field}`)}</dt>
              <dd>
                {shown(field)} (
                {contacts.confirmed[field] ? t("contacts:admin.confirmed") : t("contacts:admin.notConfirmed")})
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p>
        <Link className="button button--secondary" to={`/admin/sites/${code}/contacts`}>
          {t("contacts:admin.edit", { site: name })}
        </Link>
      </p>
      {checklistVersion !== null ? (
        <>
          <h3 id={`site-${code}-checklist`}>
            {t("travel:admin.heading")}{" "}
            <span className="tag">{t("sites:config.versionLabel", { version: checklistVersion })}</span>
          </h3>
          <p>{t("travel:admin.lead")}</p>
          <p>
            <Link className="button button--secondary" to={`/admin/sites/${code}/checklist`}>
              {t("travel:admin.edit", { site: name })}
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}
