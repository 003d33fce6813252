import { useTranslation } from "react-i18next";
import { TravelChecklistFrame, TravelItem } from "./travel-list";
import type { PatientChecklistView } from "~/modules/travel-checklist/travel-checklist-view";

/**
 * The patient's own items of the cross-border checklist on /status/view, with what the site has marked done.
 * Plain HTML (the status page ships no script): a list, each item's state in words, not by colour or symbol alone.
 */
export function PatientTravelChecklist({ checklist }: { checklist: PatientChecklistView }) {
  const { t } = useTranslation();
  return (
    <TravelChecklistFrame
      audience="patient"
      headingId="status-travel"
      progress={checklist}
      after={<p>{t("travel:patient.askSite")}</p>}
    >
      {checklist.items.map((item) => (
        <TravelItem key={item.key} item={item} state={item.done ? t("travel:state.done") : t("travel:state.open")} />
      ))}
    </TravelChecklistFrame>
  );
}
