import { nationalIdIn, type NationalIdKind } from "~/domain/case/national-id";

// NOTE: privacy.md rule 1 — a Korean resident registration number or a Japanese My Number may never be collected,
// not even by accident in free text (PIPA Art. 24-2: https://prighter.com/resources/laws/korean-pipa/main/articles/article-24-2;
// My Number Act, Art. 20).
// What looks like one is decided in one place, app/domain/case/national-id.ts; this file finds it anywhere in a
// JSON body, since a case keeps fields the contract does not name.

/** Fields whose format the case schema fixes and which can never hold a person's number (a hex checksum may hold 13 digits in a row). */
const STRUCTURED = /(^|\.)sha256$/;

/**
 * Every string in a JSON value (its keys too) that looks like a resident registration number or a My Number, as a
 * dotted path ("patient.referringHospitalId", "attachments.0.fileName") with the kind found, each path once.
 */
export function nationalIdsIn(value: unknown): { path: string; kind: NationalIdKind }[] {
  const found = new Map<string, NationalIdKind>();
  const note = (path: string[], text: string) => {
    const dotted = path.join(".");
    const kind = found.has(dotted) ? null : nationalIdIn(text);
    if (kind) found.set(dotted, kind);
  };
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === "string") {
      if (!STRUCTURED.test(path.join("."))) note(path, node);
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, String(index)]));
    } else if (node && typeof node === "object") {
      for (const [key, item] of Object.entries(node)) {
        note([...path, key], key);
        walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
  return [...found].map(([path, kind]) => ({ path, kind }));
}

/** The paths only (resident registration numbers and My Numbers alike). */
export function rrnPathsIn(value: unknown): string[] {
  return nationalIdsIn(value).map((found) => found.path);
}
