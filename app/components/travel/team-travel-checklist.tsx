import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TravelChecklistFrame, TravelItem } from "./travel-list";
import { CsrfInput } from "~/components/csrf-input";
import type { ChecklistView } from "~/modules/travel-checklist/travel-checklist-view";

type Item = ChecklistView["items"][number];

/**
 * The cross-border checklist on the physician's referral page (read only) and the staff referral page, where staff
 * of the owning site mark each item done or not done (`tickAction`). Each item says whether the patient sees it.
 */
export function TeamTravelChecklist({ checklist, tickAction }: { checklist: ChecklistView; tickAction?: string }) {
  const { t } = useTranslation();
  const state = (item: Item) => {
    if (!item.done) return t("travel:state.open");
    return item.doneAtText ? t("travel:state.doneOn", { date: item.doneAtText }) : t("travel:state.done");
  };
  return (
    <TravelChecklistFrame audience="team" id="travel-checklist" headingId="travel-title" progress={checklist}>
      {checklist.items.map((item) => (
        <TravelItem
          key={item.key}
          item={item}
          state={state(item)}
          titleId={`travel-item-${item.key}`}
          tag={<span className="tag">{t(`travel:audience.${item.audience}`)}</span>}
        >
          {tickAction ? <TickForm item={item} action={tickAction} /> : null}
        </TravelItem>
      ))}
    </TravelChecklistFrame>
  );
}

/** Staff of the owning site mark an item done, or take the mark back. */
function TickForm({ item, action }: { item: Item; action: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={action} className="travel-list__form">
      <CsrfInput />
      <input type="hidden" name="item" value={item.key} />
      <button
        type="submit"
        name="done"
        value={item.done ? "no" : "yes"}
        className="button button--secondary"
        aria-describedby={`travel-item-${item.key}`}
        data-testid={`travel-tick-${item.key}`}
      >
        {item.done ? t("travel:team.undo") : t("travel:team.markDone")}
      </button>
    </Form>
  );
}
