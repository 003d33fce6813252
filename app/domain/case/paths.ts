// Reading and writing a case field by its dotted path ("diagnosis.tnm.t"): the intake form, the FHIR mapping and the
// case views all address fields the way the field catalogue names them.

export function getPath(tree: unknown, path: string): unknown {
  let node = tree;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Sets a value at a dotted path, creating the objects on the way. */
export function setPath(tree: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
