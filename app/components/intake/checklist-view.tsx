import { useTranslation } from "react-i18next";
import type { ChecklistLine } from "~/modules/intake/checklist";

/** What the receiving team needs for this indication, and what is still missing (eligibility.md's list). */
export function ChecklistView({ lines, headingId = "checklist" }: { lines: ChecklistLine[]; headingId?: string }) {
  const { t } = useTranslation();
  return (
    <section className="checklist" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("intake:documents.checklistTitle")}</h2>
      <p className="hint">{t("intake:documents.checklistIntro")}</p>
      <ul className="checklist__items">
        {lines.map((line) => {
          const state =
            line.kinds.length === 0
              ? "separate"
              : line.provided
                ? "provided"
                : line.required
                  ? "missing"
                  : "ifApplicable";
          return (
            <li
              key={line.id}
              className={`checklist__item checklist__item--${state}`}
              data-item={line.id}
              data-state={state}
            >
              <span className="checklist__symbol" aria-hidden="true">
                {state === "provided" ? "✓" : state === "missing" ? "✕" : "–"}
              </span>{" "}
              <span className="checklist__name">{t(`intake:documents.items.${line.id}`)}</span>{" "}
              <span className={`tag checklist__tag checklist__tag--${state}`}>
                {t(`intake:documents.states.${state}`)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
