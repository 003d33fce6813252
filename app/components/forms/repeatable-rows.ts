// "Add another" rows (GOV.UK pattern) that work with and without JavaScript: the add and remove buttons are submit
// buttons (`intent=add:<list>`, `intent=remove:<list>.<row>`), the page posts, and the server answers with the
// values as typed, one row more or less. Pure, so the intake form and the pre-check share it.
import { fieldId } from "./error-summary";

export type RowIntent = { kind: "add"; list: string } | { kind: "remove"; list: string; index: number };

/** Hidden field holding how many rows a list shows (a blank row has no values to count). */
export const rowsName = (list: string) => `__rows.${list}`;

export function parseRowIntent(intent: unknown, lists: readonly string[]): RowIntent | null {
  if (typeof intent !== "string") return null;
  const add = /^add:(.+)$/.exec(intent);
  if (add && lists.includes(add[1]!)) return { kind: "add", list: add[1]! };
  const remove = /^remove:(.+)\.(\d+)$/.exec(intent);
  if (remove && lists.includes(remove[1]!)) return { kind: "remove", list: remove[1]!, index: Number(remove[2]) };
  return null;
}

function indexesOf(values: Record<string, string>, list: string): number[] {
  const found = new Set<number>();
  for (const name of Object.keys(values)) {
    const match = name.startsWith(`${list}.`) ? /^(\d+)\./.exec(name.slice(list.length + 1)) : null;
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** How many rows a list shows: what was posted or saved, at least one (an empty row invites the first answer). */
export function rowCount(values: Record<string, string>, list: string): number {
  const indexes = indexesOf(values, list);
  const posted = Number(values[rowsName(list)] ?? 0);
  return Math.max(
    1,
    indexes.length ? indexes[indexes.length - 1]! + 1 : 0,
    Number.isInteger(posted) ? Math.min(posted, 50) : 0,
  );
}

/**
 * The posted values after an add or a remove: a removed row's answers are dropped and later rows move up, so
 * nothing else typed is lost. `focus`: the element to focus next (the new row's first field, or the add button).
 */
export function applyRowIntent(
  values: Record<string, string>,
  intent: RowIntent,
  firstKey: string,
  max: number,
): { values: Record<string, string>; focus: string } {
  const { list } = intent;
  const count = rowCount(values, list);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const match = name.startsWith(`${list}.`) ? /^(\d+)\.(.+)$/.exec(name.slice(list.length + 1)) : null;
    if (!match) {
      out[name] = value;
      continue;
    }
    const index = Number(match[1]);
    if (intent.kind === "remove" && index === intent.index) continue;
    const next = intent.kind === "remove" && index > intent.index ? index - 1 : index;
    out[`${list}.${next}.${match[2]}`] = value;
  }
  if (intent.kind === "add") {
    const rows = Math.min(count + 1, max);
    out[rowsName(list)] = String(rows);
    return { values: out, focus: fieldId(`${list}.${rows - 1}.${firstKey}`) };
  }
  out[rowsName(list)] = String(Math.max(1, count - 1));
  return { values: out, focus: `${fieldId(list)}-add` };
}
