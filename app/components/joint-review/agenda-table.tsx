import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { indicationKey } from "~/i18n/screen-keys";

export type AgendaRow = {
  id: string;
  referralId: string;
  referenceCode: string;
  ownerSite: string;
  ownedByReader: boolean;
  reviewOpen: boolean;
  patient: string | null;
  indication: string | null;
  question: string;
  presenter: string | null;
  recommendation: string | null;
  rationale: string | null;
  present: string[];
};

/**
 * A conference's agenda: each case by its reference code and owning site (the patient named only to the owner),
 * the question, and the recommendation once recorded. Shared by the conference page and the minutes.
 */
export function AgendaTable({ agenda, links = true }: { agenda: AgendaRow[]; links?: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="agenda" data-testid="agenda">
      {agenda.map((a) => (
        <li key={a.id} id={`item-${a.id}`} data-code={a.referenceCode}>
          <h3>
            {links && a.reviewOpen ? (
              <Link to={a.ownedByReader ? `/queue/${a.referralId}#joint` : `/joint/${a.referralId}`}>
                {a.referenceCode}
              </Link>
            ) : (
              a.referenceCode
            )}
            {a.patient ? ` · ${a.patient}` : null}
          </h3>
          <p className="hint">
            {t("conferences:agenda.owner", { site: a.ownerSite })}
            {a.indication ? ` · ${t(indicationKey(a.indication))}` : null}
            {a.presenter ? ` · ${t("conferences:agenda.presenter", { name: a.presenter })}` : null}
          </p>
          <p>
            <strong>{t("conferences:partner.question")}</strong> <span className="pre-line">{a.question}</span>
          </p>
          {a.recommendation ? (
            <div data-testid="agenda-recommendation">
              <p>
                <strong>{t("conferences:recommendation.heading")}</strong>{" "}
                <span data-recommendation={a.recommendation}>
                  {t(`conferences:recommendations.${a.recommendation}`)}
                </span>
              </p>
              <p className="pre-line">{a.rationale}</p>
              {a.present.length ? (
                <p className="hint">{t("conferences:agenda.present", { names: a.present.join(", ") })}</p>
              ) : null}
            </div>
          ) : (
            <p className="hint">{t("conferences:agenda.noRecommendation")}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
