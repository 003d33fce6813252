import { useTranslation } from "react-i18next";
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
          <dl className="status-facts" data-testid="site-contact">
            {contact.phone && contact.phoneHref ? (
              <div>
                <dt>{t("status:view.phone")}</dt>
                <dd>
                  <a href={contact.phoneHref}>{contact.phone}</a>
                </dd>
              </div>
            ) : null}
            {contact.email ? (
              <div>
                <dt>{t("status:view.email")}</dt>
                <dd>
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </dd>
              </div>
            ) : null}
            {contact.hours ? (
              <div>
                <dt>{t("status:view.hours")}</dt>
                <dd>{contact.hours}</dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : (
        <p>{t("contacts:patient.none")}</p>
      )}
      <p>{t("status:view.doctor")}</p>
    </section>
  );
}
