import { personName } from "~/i18n/person-name";
import { useTranslation } from "react-i18next";
import { FactList } from "~/components/fact-list";

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

/** Free text keeps the reviewer's line breaks. */
const preLine = { className: "pre-line" };

function reasonKey(recommendation: string, code: string): string {
  return recommendation === "redirect" ? `queue:redirectReasons.${code}` : `queue:declineReasons.${code}`;
}

export function ClinicalRecord({ record }: { record: ClinicalRecordView }) {
  const { t } = useTranslation();
  const reviewer = record.reviewer ? personName(record.reviewer.familyName, record.reviewer.givenName) : "—";
  return (
    <div className="clinical-record" data-testid="clinical-record" data-recommendation={record.recommendation}>
      <p className="meta">{t("decisions:panel.recordedBy", { name: reviewer, when: record.recordedAt })}</p>
      <FactList
        className="case-list"
        facts={[
          {
            label: t("decisions:panel.recommendation"),
            value: t(`decisions:recommendations.${record.recommendation}`),
          },
          record.reasonCode
            ? { label: t("decisions:panel.reason"), value: t(reasonKey(record.recommendation, record.reasonCode)) }
            : null,
          { label: t("decisions:panel.rationale"), value: record.rationale, valueProps: preLine },
          record.approach
            ? { label: t("decisions:panel.approach"), value: t(`decisions:approaches.${record.approach}`) }
            : null,
          record.approachDetail
            ? { label: t("decisions:panel.approachDetail"), value: record.approachDetail, valueProps: preLine }
            : null,
          record.alternatives
            ? { label: t("decisions:panel.alternatives"), value: record.alternatives, valueProps: preLine }
            : null,
        ]}
      />
    </div>
  );
}
