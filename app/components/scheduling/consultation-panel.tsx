import { useTranslation } from "react-i18next";

export type ConsultationPanelView = {
  dateText: string;
  timeText: string;
  place: string | null;
  siteName: string;
  /** Null until the site has confirmed its address (docs/decisions/0023). */
  address: string | null;
  mapHref: string | null;
  calendarHref: string;
};

/** The booked first consultation on the physician's referral page: when, where, a map and the calendar file. */
export function ConsultationPanel({ consultation }: { consultation: ConsultationPanelView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="consultation-title" data-testid="physician-consultation">
      <h2 id="consultation-title">{t("scheduling:consultation.heading")}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t("scheduling:consultation.when")}</dt>
          <dd>
            {consultation.dateText} {consultation.timeText}
          </dd>
        </div>
        {consultation.place ? (
          <div>
            <dt>{t("scheduling:consultation.place")}</dt>
            <dd>{consultation.place}</dd>
          </div>
        ) : null}
        {consultation.address && consultation.mapHref ? (
          <div>
            <dt>{t("scheduling:consultation.address")}</dt>
            <dd>
              {consultation.siteName}, {consultation.address}
              <br />
              <a href={consultation.mapHref} rel="noreferrer">
                {t("scheduling:consultation.map")}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      <p>
        <a
          href={consultation.calendarHref}
          download
          className="button button--secondary"
          data-testid="consultation-calendar"
        >
          {t("scheduling:consultation.calendar")}
        </a>
      </p>
    </section>
  );
}
