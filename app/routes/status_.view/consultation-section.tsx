import { useTranslation } from "react-i18next";
import type { StatusWords } from "~/modules/status-lookup/status-words";

type Props = {
  consultation: NonNullable<StatusWords["consultation"]>;
  /** The site's address and a map link, when the site has one on file. */
  place: { address: string; mapHref: string } | null;
  siteName: string;
  /** Whether a calendar file can be downloaded (a booked time only). */
  calendar: boolean;
};

/** The booked consultation: date, time, room, the site's address with a map, and the calendar file. */
export function ConsultationSection({ consultation, place, siteName, calendar }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="status-consultation">
      <h2 id="status-consultation">{t("status:view.consultationHeading")}</h2>
      <dl className="status-facts">
        <div>
          <dt>{t("status:view.date")}</dt>
          <dd>{consultation.dateText}</dd>
        </div>
        {consultation.timeText ? (
          <div>
            <dt>{t("status:view.time")}</dt>
            <dd>{consultation.timeText}</dd>
          </div>
        ) : null}
        {consultation.place ? (
          <div>
            <dt>{t("status:view.place")}</dt>
            <dd>{consultation.place}</dd>
          </div>
        ) : null}
        {place ? (
          <div>
            <dt>{t("status:view.address")}</dt>
            <dd data-testid="consultation-address">
              {siteName}, {place.address}
              <br />
              <a href={place.mapHref} rel="noreferrer">
                {t("status:view.map")}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {calendar ? (
        <p>
          <a href="/status/view/consultation.ics" download data-testid="consultation-calendar">
            {t("status:view.calendar")}
          </a>
          <br />
          <span className="hint">{t("status:view.calendarHint")}</span>
        </p>
      ) : null}
    </section>
  );
}
