import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SourceList } from "~/components/source-list";

type FrameProps = {
  /** Whose checklist: it names the words (heading, lead) and the test hook. */
  audience: "patient" | "team";
  /** The section's own id (a link target), when it has one. */
  id?: string;
  headingId: string;
  progress: { done: number; total: number };
  /** The items, each a `TravelItem`. */
  children: ReactNode;
  /** What follows the list (the patient's "ask the site"). */
  after?: ReactNode;
};

/** The frame both checklists share (the patient's and the team's): the heading, the lead, the progress, the list. */
export function TravelChecklistFrame({ audience, id, headingId, progress, children, after }: FrameProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={headingId} id={id} data-testid={`${audience}-travel-checklist`}>
      <h2 id={headingId}>{t(`travel:${audience}.heading`)}</h2>
      <p>{t(`travel:${audience}.lead`)}</p>
      <p data-testid="travel-progress">
        <strong>{t("travel:progress", { done: progress.done, total: progress.total })}</strong>
      </p>
      <ul className="travel-list">{children}</ul>
      {after}
    </section>
  );
}

type ItemProps = {
  item: { key: string; title: string; body: string; sources: string[]; done: boolean };
  /** The item's state in words (done, done on a date, open): never by the symbol alone. */
  state: string;
  /** The title's id, when a button elsewhere in the item is described by it. */
  titleId?: string;
  /** A tag after the state (who sees the item). */
  tag?: ReactNode;
  /** What follows the item's text (the team's tick form). */
  children?: ReactNode;
};

/** One item of a checklist: its symbol, title and state, then its explanation and the official sources it cites. */
export function TravelItem({ item, state, titleId, tag, children }: ItemProps) {
  const { t } = useTranslation();
  return (
    <li data-item={item.key} data-done={item.done ? "yes" : "no"}>
      <p className="travel-list__title">
        <span aria-hidden="true">{item.done ? "✓ " : "○ "}</span>
        <strong id={titleId}>{item.title}</strong>{" "}
        <span className="travel-list__state">{t("travel:state.inBrackets", { state })}</span>
        {tag ? <> {tag}</> : null}
      </p>
      <p>{item.body}</p>
      {item.sources.length > 0 ? <SourceList sources={item.sources} className="travel-list__sources" /> : null}
      {children}
    </li>
  );
}
