import { useTranslation } from "react-i18next";
import { AddressWithMap } from "~/components/address-with-map";
import { FactList } from "~/components/fact-list";
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
      <FactList
        className="status-facts"
        facts={[
          { label: t("status:view.date"), value: consultation.dateText },
          consultation.timeText ? { label: t("status:view.time"), value: consultation.timeText } : null,
          consultation.place ? { label: t("status:view.place"), value: consultation.place } : null,
          place
            ? {
                label: t("status:view.address"),
                value: (
                  <AddressWithMap
                    siteName={siteName}
                    address={place.address}
                    mapHref={place.mapHref}
                    mapText={t("status:view.map")}
                  />
                ),
                valueProps: { "data-testid": "consultation-address" },
              }
            : null,
        ]}
      />
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
