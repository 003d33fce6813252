import { useTranslation } from "react-i18next";
import { TravelItemText } from "./travel-item-text";
import type { PatientChecklistView } from "~/modules/travel-checklist/travel-checklist-view";

/**
 * The patient's own items of the cross-border checklist on /status/view, with what the site has marked done.
 * Plain HTML (the status page ships no script): a list, each item's state in words, not by colour or symbol alone.
 */
export function PatientTravelChecklist({ checklist }: { checklist: PatientChecklistView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="status-travel" data-testid="patient-travel-checklist">
      <h2 id="status-travel">{t("travel:patient.heading")}</h2>
      <p>{t("travel:patient.lead")}</p>
      <p data-testid="travel-progress">
        <strong>{t("travel:progress", { done: checklist.done, total: checklist.total })}</strong>
      </p>
      <ul className="travel-list">
        {checklist.items.map((item) => (
          <li key={item.key} data-item={item.key} data-done={item.done ? "yes" : "no"}>
            <p className="travel-list__title">
              <span aria-hidden="true">{item.done ? "✓ " : "○ "}</span>
              <strong>{item.title}</strong>{" "}
              <span className="travel-list__state">
                ({item.done ? t("travel:state.done") : t("travel:state.open")})
              </span>
            </p>
            <TravelItemText body={item.body} sources={item.sources} />
          </li>
        ))}
      </ul>
      <p>{t("travel:patient.askSite")}</p>
    </section>
  );
}
