import { looksLikeRrn } from "~/domain/case/national-id";

// NOTE: privacy.md rule 1 — a Korean resident registration number may never be collected, not even by accident
// in free text (PIPA Art. 24-2: https://prighter.com/resources/laws/korean-pipa/main/articles/article-24-2).
// What looks like one is decided in one place, app/domain/case/national-id.ts; this file finds it anywhere in a
// JSON body, since a case keeps fields the contract does not name.

/** Fields whose format the case schema fixes and which can never hold a person's number (a hex checksum may hold 13 digits in a row). */
const STRUCTURED = /(^|\.)sha256$/;

/**
 * Every string in a JSON value (its keys too) that looks like a resident registration number, as a dotted path
 * ("patient.referringHospitalId", "attachments.0.fileName"), each path once.
 */
export function rrnPathsIn(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === "string") {
      const dotted = path.join(".");
      if (!STRUCTURED.test(dotted) && looksLikeRrn(node)) found.add(dotted);
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, String(index)]));
    } else if (node && typeof node === "object") {
      for (const [key, item] of Object.entries(node)) {
        if (looksLikeRrn(key)) found.add([...path, key].join("."));
        walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
  return [...found];
}
