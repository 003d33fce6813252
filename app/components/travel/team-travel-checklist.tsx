import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TravelItemText } from "./travel-item-text";
import { CsrfInput } from "~/components/csrf-input";
import type { ChecklistView } from "~/modules/travel-checklist/travel-checklist-view";

/**
 * The cross-border checklist on the physician's referral page (read only) and the staff referral page, where staff
 * of the owning site mark each item done or not done (`tickAction`). Each item says whether the patient sees it.
 */
export function TeamTravelChecklist({ checklist, tickAction }: { checklist: ChecklistView; tickAction?: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="travel-title" id="travel-checklist" data-testid="team-travel-checklist">
      <h2 id="travel-title">{t("travel:team.heading")}</h2>
      <p>{t("travel:team.lead")}</p>
      <p data-testid="travel-progress">
        <strong>{t("travel:progress", { done: checklist.done, total: checklist.total })}</strong>
      </p>
      <ul className="travel-list">
        {checklist.items.map((item) => (
          <li key={item.key} data-item={item.key} data-done={item.done ? "yes" : "no"}>
            <p className="travel-list__title">
              <span aria-hidden="true">{item.done ? "✓ " : "○ "}</span>
              <strong id={`travel-item-${item.key}`}>{item.title}</strong>{" "}
              <span className="travel-list__state">
                (
                {item.done
                  ? item.doneAtText
                    ? t("travel:state.doneOn", { date: item.doneAtText })
                    : t("travel:state.done")
                  : t("travel:state.open")}
                )
              </span>{" "}
              <span className="tag">{t(`travel:audience.${item.audience}`)}</span>
            </p>
            <TravelItemText body={item.body} sources={item.sources} />
            {tickAction ? (
              <Form method="post" action={tickAction} className="travel-list__form">
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
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
