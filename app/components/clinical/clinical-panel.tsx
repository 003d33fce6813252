import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClinicalRecord, type ClinicalRecordView } from "./clinical-record";

export type ClinicalPanelData = {
  current: ClinicalRecordView | null;
  earlier: ClinicalRecordView[];
  required: boolean;
  canRecord: boolean;
  viewerIsReviewer: boolean;
};

/** The staff referral page's clinical decision: the one in force, earlier ones folded, and the reviewer's way to record. */
export function ClinicalPanel({ referralId, data }: { referralId: string; data: ClinicalPanelData }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="clinical-heading" data-testid="clinical-panel">
      <h2 id="clinical-heading">{t("decisions:panel.heading")}</h2>
      <p className="hint">{t(data.required ? "decisions:panel.required" : "decisions:panel.notRequired")}</p>
      {data.current ? <ClinicalRecord record={data.current} /> : <p>{t("decisions:panel.none")}</p>}
      {data.earlier.length ? (
        <details>
          <summary>{t("decisions:panel.earlier", { count: data.earlier.length })}</summary>
          {data.earlier.map((record) => (
            <ClinicalRecord key={record.id} record={record} />
          ))}
        </details>
      ) : null}
      {data.canRecord ? (
        <p>
          <Link
            className="button button--secondary"
            to={`/queue/${referralId}/clinical-decision`}
            data-action="clinical-decision"
          >
            {t(data.current ? "decisions:panel.recordAgain" : "decisions:panel.record")}
          </Link>
        </p>
      ) : !data.viewerIsReviewer ? (
        <p className="hint">{t("decisions:panel.onlyReviewers")}</p>
      ) : null}
    </section>
  );
}
