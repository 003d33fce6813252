// Paths in a case and in the form's values: react-hook-form's nested values as a flat map, and removing an answer
// without leaving empty groups behind. Pure: runs in the browser.
import type { FlatValues } from "./answer-values";

/** react-hook-form's nested values (or an already flat map) as a flat map of strings. */
export function flatten(values: unknown, prefix = "", out: FlatValues = {}): FlatValues {
  if (values === null || values === undefined) return out;
  if (typeof values !== "object") {
    if (prefix) out[prefix] = String(values);
    return out;
  }
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "boolean") out[name] = value ? "true" : "";
    else flatten(value, name, out);
  }
  return out;
}

export function deletePath(tree: Record<string, unknown>, path: string) {
  const keys = path.split(".");
  const parents: Record<string, unknown>[] = [];
  let node: unknown = tree;
  for (const key of keys.slice(0, -1)) {
    if (!node || typeof node !== "object") return;
    parents.push(node as Record<string, unknown>);
    node = (node as Record<string, unknown>)[key];
  }
  if (!node || typeof node !== "object") return;
  delete (node as Record<string, unknown>)[keys[keys.length - 1]!];
  // Drop objects left empty, so an emptied section reads as "not started".
  for (let i = keys.length - 2; i >= 0; i--) {
    const parent = parents[i]!;
    const child = parent[keys[i]!];
    if (child && typeof child === "object" && Object.keys(child).length === 0) delete parent[keys[i]!];
  }
}
