import { useTranslation } from "react-i18next";

/** The referral as a FHIR R4 Bundle, for the reader's hospital system (issue #11). `partner`: the joint-review copy. */
export function FhirDownload({ referralId, partner = false }: { referralId: string; partner?: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="fhir-heading" data-testid="fhir-download">
      <h2 id="fhir-heading">{t("fhir:download.heading")}</h2>
      <p id="fhir-hint">{t(partner ? "fhir:download.partnerHint" : "fhir:download.hint")}</p>
      <p>
        <a
          className="button button--secondary"
          href={`/referrals/${referralId}/fhir`}
          download
          aria-describedby="fhir-hint"
        >
          {t("fhir:download.link")}
        </a>
      </p>
    </section>
  );
}
