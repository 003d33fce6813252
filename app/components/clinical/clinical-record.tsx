import { personName } from "~/i18n/person-name";
import { useTranslation } from "react-i18next";

/** A reviewer's clinical decision as staff pages show it; `recordedAt` comes formatted from the loader (site time, 24-hour). */
export type ClinicalRecordView = {
  id: string;
  recommendation: string;
  reasonCode: string | null;
  rationale: string;
  approach: string | null;
  approachDetail: string | null;
  alternatives: string | null;
  recordedAt: string;
  reviewer: { familyName: string; givenName: string } | null;
};

function reasonKey(recommendation: string, code: string): string {
  return recommendation === "redirect" ? `queue:redirectReasons.${code}` : `queue:declineReasons.${code}`;
}

export function ClinicalRecord({ record }: { record: ClinicalRecordView }) {
  const { t } = useTranslation();
  const reviewer = record.reviewer ? personName(record.reviewer.familyName, record.reviewer.givenName) : "—";
  return (
    <div className="clinical-record" data-testid="clinical-record" data-recommendation={record.recommendation}>
      <p className="meta">{t("decisions:panel.recordedBy", { name: reviewer, when: record.recordedAt })}</p>
      <dl className="case-list">
        <div>
          <dt>{t("decisions:panel.recommendation")}</dt>
          <dd>{t(`decisions:recommendations.${record.recommendation}`)}</dd>
        </div>
        {record.reasonCode ? (
          <div>
            <dt>{t("decisions:panel.reason")}</dt>
            <dd>{t(reasonKey(record.recommendation, record.reasonCode))}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("decisions:panel.rationale")}</dt>
          <dd className="pre-line">{record.rationale}</dd>
        </div>
        {record.approach ? (
          <div>
            <dt>{t("decisions:panel.approach")}</dt>
            <dd>{t(`decisions:approaches.${record.approach}`)}</dd>
          </div>
        ) : null}
        {record.approachDetail ? (
          <div>
            <dt>{t("decisions:panel.approachDetail")}</dt>
            <dd className="pre-line">{record.approachDetail}</dd>
          </div>
        ) : null}
        {record.alternatives ? (
          <div>
            <dt>{t("decisions:panel.alternatives")}</dt>
            <dd className="pre-line">{record.alternatives}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
