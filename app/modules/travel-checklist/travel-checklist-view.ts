// The checklist in the reader's language, for pages. Pure: dates are formatted by the caller's function.
import type { ChecklistProgress } from "~/domain/travel/travel-checklist";
import type { Language } from "~/i18n/config";

export type ChecklistItemView = {
  key: string;
  audience: "patient" | "staff";
  title: string;
  body: string;
  sources: string[];
  done: boolean;
  doneAtText: string | null;
};
export type ChecklistView = { done: number; total: number; items: ChecklistItemView[] };
/** The patient's own items on /status/view: no dates and no names of who ticked, only done or not. */
export type PatientChecklistView = {
  done: number;
  total: number;
  items: { key: string; title: string; body: string; sources: string[]; done: boolean }[];
};

export function checklistInWords(
  progress: ChecklistProgress,
  lng: Language,
  formatDate: (iso: string) => string,
): ChecklistView {
  return {
    done: progress.done,
    total: progress.total,
    items: progress.items.map((item) => ({
      key: item.key,
      audience: item.audience,
      title: item.title[lng],
      body: item.body[lng],
      sources: item.sources,
      done: item.done,
      doneAtText: item.doneAt ? formatDate(item.doneAt) : null,
    })),
  };
}
