// The cross-border travel checklist (issue 17): what a patient coming from abroad to a treating site must settle
// before the trip. Pure: the items are site configuration, the ticks come from the database, both as arguments.

export type ChecklistWords = { ko: string; ja: string; en: string };
export const checklistAudiences = ["patient", "staff"] as const;
export type ChecklistAudience = (typeof checklistAudiences)[number];

/** One item as a site configures it: a stable key (ticks refer to it), who it concerns, and its words. */
export type ChecklistItem = {
  key: string;
  /** "patient": the patient acts on it and sees it; "staff": the site's own task, not shown to the patient. */
  audience: ChecklistAudience;
  title: ChecklistWords;
  body: ChecklistWords;
  /** Official pages the wording rests on, shown as links. */
  sources: string[];
};

/**
 * Whether a referral gets the checklist: the receiving site has one, and the patient lives in another country than
 * the site (a resident of the site's own country does not travel abroad for it). An unknown residence gets none.
 */
export function travelChecklistApplies(input: {
  siteCountry: string | null;
  residenceCountry: string | null | undefined;
  itemCount: number;
}): boolean {
  const { siteCountry, residenceCountry, itemCount } = input;
  if (!siteCountry || !residenceCountry || itemCount === 0) return false;
  return residenceCountry.toUpperCase() !== siteCountry.toUpperCase();
}

export type ChecklistProgressItem = ChecklistItem & { done: boolean; doneAt: string | null };
export type ChecklistProgress = { items: ChecklistProgressItem[]; done: number; total: number };

/**
 * The items a reader may see with what is done. The patient sees their own items only; the physician and staff see
 * every item. A tick on an item the site has since removed is ignored (the count never exceeds the items).
 */
export function checklistProgress(
  items: ChecklistItem[],
  ticks: { itemKey: string; doneAt: string }[],
  reader: "patient" | "team",
): ChecklistProgress {
  const doneAt = new Map(ticks.map((tick) => [tick.itemKey, tick.doneAt]));
  const visible = items.filter((item) => reader === "team" || item.audience === "patient");
  const withTicks = visible.map((item) => ({
    ...item,
    done: doneAt.has(item.key),
    doneAt: doneAt.get(item.key) ?? null,
  }));
  return { items: withTicks, done: withTicks.filter((item) => item.done).length, total: withTicks.length };
}

const isWords = (value: unknown): value is ChecklistWords =>
  typeof value === "object" &&
  value !== null &&
  ["ko", "ja", "en"].every((l) => typeof (value as Record<string, unknown>)[l] === "string");

/** Items read back from their JSON column; anything malformed is left out rather than thrown at a patient's page. */
export function parseChecklistItems(json: string): ChecklistItem[] {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw): ChecklistItem[] => {
    const item = raw as Partial<ChecklistItem>;
    if (typeof item.key !== "string" || !checklistAudiences.includes(item.audience as ChecklistAudience)) return [];
    if (!isWords(item.title) || !isWords(item.body)) return [];
    const sources = Array.isArray(item.sources) ? item.sources.filter((s): s is string => typeof s === "string") : [];
    return [
      { key: item.key, audience: item.audience as ChecklistAudience, title: item.title, body: item.body, sources },
    ];
  });
}
