import { useTranslation } from "react-i18next";
import type { Funding } from "~/domain/screen";

/**
 * What this patient would pay (kq-2026-12, K9): the tier in Japan is the coverage above; this says what it means for
 * the patient's own insurance, so a Korean resident is never told that Japanese insurance would pay.
 */
export function FundingSection({ funding, headingLevel, id }: { funding: Funding; headingLevel: number; id: string }) {
  const { t } = useTranslation();
  const Tag = `h${Math.min(headingLevel, 6)}` as "h4";
  return (
    <div className="decision__funding" data-testid="decision-funding" data-patient-pays={funding.patientPays}>
      <Tag id={id}>{t("screen:funding.heading")}</Tag>
      <p>
        <strong>{t(`screen:funding.patientPays.${funding.patientPays}`)}</strong>
      </p>
      {funding.notes.length ? (
        <ul>
          {funding.notes.map((note) => (
            <li key={note} data-note={note}>
              {t(`screen:funding.notes.${note}`)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
