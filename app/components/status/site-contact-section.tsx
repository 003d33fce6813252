import { useTranslation } from "react-i18next";
import { FactList } from "~/components/fact-list";
import type { StatusWords } from "~/modules/status-lookup/status-words";

/**
 * "Questions about your referral": the site's contact details the site has confirmed, and nothing it has not
 * (docs/decisions/0023). With none confirmed yet, the patient is sent to their doctor.
 */
export function SiteContactSection({ site }: { site: StatusWords["site"] }) {
  const { t } = useTranslation();
  const { contact } = site;
  const any = Boolean(contact.phone || contact.email || contact.hours);
  return (
    <section aria-labelledby="status-contact">
      <h2 id="status-contact">{t("status:view.contactHeading")}</h2>
      {any ? (
        <>
          <p>
            {t("status:view.contactIntro", { site: site.name })} <strong>{contact.name}</strong>
          </p>
          <FactList
            className="status-facts"
            data-testid="site-contact"
            facts={[
              contact.phone && contact.phoneHref
                ? { label: t("status:view.phone"), value: <a href={contact.phoneHref}>{contact.phone}</a> }
                : null,
              contact.email
                ? { label: t("status:view.email"), value: <a href={`mailto:${contact.email}`}>{contact.email}</a> }
                : null,
              contact.hours ? { label: t("status:view.hours"), value: contact.hours } : null,
            ]}
          />
        </>
      ) : (
        <p>{t("contacts:patient.none")}</p>
      )}
      <p>{t("status:view.doctor")}</p>
    </section>
  );
}
