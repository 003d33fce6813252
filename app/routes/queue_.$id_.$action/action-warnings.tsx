import { useTranslation } from "react-i18next";
import { ClinicalRecord } from "~/components/clinical/clinical-record";
import type { ActionPageData } from "./action-page.server";

/**
 * What the staff member should know before taking the step: an override of the screen, a clinical decision that
 * is missing or says otherwise, the decision itself, and a move across the border without the patient's consent.
 */
export function ActionWarnings({ page }: { page: ActionPageData }) {
  const { t } = useTranslation();
  const { clinical, redirectTo } = page;
  return (
    <>
      {page.override ? (
        <div className="banner banner--warning" data-testid="override-warning">
          <p>
            <span className="tag tag--override">{t("queue:override.tag")}</span>{" "}
            {t(page.action === "accept" ? "queue:override.warnAccept" : "queue:override.warnDecline")}
          </p>
        </div>
      ) : null}
      {clinical && !clinical.check.ok ? (
        <div className="banner banner--warning" data-testid="signoff-warning">
          <p>
            {t(`decisions:signoff.${clinical.check.code.replace("clinical_decision_", "")}`, {
              recommendation: clinical.record ? t(`decisions:recommendations.${clinical.record.recommendation}`) : "",
            })}
          </p>
        </div>
      ) : null}
      {clinical?.record ? (
        <section aria-labelledby="signoff-heading" data-testid="signoff-record">
          <h2 id="signoff-heading">{t("decisions:signoff.heading")}</h2>
          {clinical.agrees ? <p>{t("decisions:signoff.uses")}</p> : null}
          <ClinicalRecord record={clinical.record} />
        </section>
      ) : null}
      {redirectTo && redirectTo.crossesBorder && !redirectTo.consent ? (
        <div className="banner banner--warning" data-testid="consent-warning">
          <p>{t("queue:errors.no_cross_border_consent", { site: redirectTo.site })}</p>
        </div>
      ) : null}
    </>
  );
}
