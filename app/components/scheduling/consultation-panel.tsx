import { useTranslation } from "react-i18next";
import { AddressWithMap } from "~/components/address-with-map";
import { FactList } from "~/components/fact-list";

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
      <FactList
        className="summary-list"
        facts={[
          { label: t("scheduling:consultation.when"), value: `${consultation.dateText} ${consultation.timeText}` },
          consultation.place ? { label: t("scheduling:consultation.place"), value: consultation.place } : null,
          consultation.address && consultation.mapHref
            ? {
                label: t("scheduling:consultation.address"),
                value: (
                  <AddressWithMap
                    siteName={consultation.siteName}
                    address={consultation.address}
                    mapHref={consultation.mapHref}
                    mapText={t("scheduling:consultation.map")}
                  />
                ),
              }
            : null,
        ]}
      />
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
