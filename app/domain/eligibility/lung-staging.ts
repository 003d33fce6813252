// Lung cancer stage groups from T, N and M, by TNM edition (kq-2026-12, K7).
// NOTE: the insurance notice follows 肺癌取扱い規約; its 9th edition adopts the IASLC 9th-edition TNM from
// 2025-01-01 (Rami-Porta et al., J Thorac Oncol 2024;19:1007–27). The 9th edition splits N2 into N2a (one station)
// and N2b (several) and moves T1 N1 to IIA and T1 N2a to IIB; N0 and M1 groups are unchanged from the 8th.
import { parseM, parseN, parseT } from "./staging";

export type TnmEdition = "UICC8" | "UICC9";

/** The edition a referral is staged by: the one given, else the 9th from 2025-01-01 and the 8th before. */
export function lungEditionOf(edition: unknown, referredOn: unknown): TnmEdition {
  const text = typeof edition === "string" ? edition.toUpperCase().replace(/[^A-Z0-9]/g, "") : "";
  if (/9/.test(text)) return "UICC9";
  if (/8/.test(text)) return "UICC8";
  return typeof referredOn === "string" && referredOn >= "2025-01-01" ? "UICC9" : "UICC8";
}

const nodeRows8: Record<string, readonly string[]> = {
  // T1, T2, T3, T4
  N1: ["IIB", "IIB", "IIIA", "IIIA"],
  N2: ["IIIA", "IIIA", "IIIB", "IIIB"],
  N3: ["IIIB", "IIIB", "IIIC", "IIIC"],
};
const nodeRows9: Record<string, readonly string[]> = {
  N1: ["IIA", "IIB", "IIIA", "IIIA"],
  N2a: ["IIB", "IIIA", "IIIA", "IIIB"],
  N2b: ["IIIA", "IIIB", "IIIB", "IIIB"],
  N3: ["IIIB", "IIIB", "IIIC", "IIIC"],
};

function nodeFreeStage(t: { number: number; letter: string }): string | null {
  if (t.number === 1)
    return t.letter === "mi" || t.letter === "a" ? "IA1" : t.letter === "b" ? "IA2" : t.letter === "c" ? "IA3" : "IA";
  if (t.number === 2) return t.letter === "a" ? "IB" : t.letter === "b" ? "IIA" : null;
  if (t.number === 3) return "IIB";
  if (t.number === 4) return "IIIA";
  return null;
}

/**
 * The stage group T, N and M give in an edition ("IA2", "IIIB", "IVA"), or null when they do not settle it
 * (a category missing or X, T2 without its letter, N2 without a or b in the 9th edition where T decides).
 */
export function lungStageFromTnm(tnm: { t?: unknown; n?: unknown; m?: unknown }, edition: TnmEdition): string | null {
  const m = parseM(tnm.m);
  const mText = typeof tnm.m === "string" ? tnm.m.toUpperCase() : "";
  if (m?.kind === "number" && m.number >= 1) {
    if (/M1[AB]/.test(mText)) return "IVA";
    if (/M1C/.test(mText)) return "IVB";
    return "IV";
  }
  const t = parseT(tnm.t);
  const n = parseN(tnm.n);
  if (!t || !n || !m || t.kind === "x" || n.kind === "x" || m.kind === "x") return null;
  if (t.kind === "is") return n.number === 0 ? "0" : null;
  if (t.number < 1 || t.number > 4) return null;
  if (n.number === 0) return nodeFreeStage(t);
  const nText = typeof tnm.n === "string" ? tnm.n.toUpperCase() : "";
  let row: string;
  if (n.number === 2 && edition === "UICC9") {
    const sub = /N2A/.test(nText) ? "N2a" : /N2B/.test(nText) ? "N2b" : null;
    if (sub === null) {
      // Without a or b the group is known only where both rows agree (T3: IIIA or IIIB; T1: IIB or IIIA).
      const a = nodeRows9.N2a?.[t.number - 1];
      const b = nodeRows9.N2b?.[t.number - 1];
      return a !== undefined && a === b ? a : null;
    }
    row = sub;
  } else {
    row = `N${n.number}`;
  }
  const rows = edition === "UICC9" ? nodeRows9 : nodeRows8;
  return rows[row]?.[t.number - 1] ?? null;
}

export type StageDetail = { group: number; letter: number | null; sub: number | null };

/** A stage group with its letter and sub-number ("IA2" → 1, A, 2); null when it does not parse. */
export function parseStageDetail(value: unknown): StageDetail | null {
  if (typeof value !== "string") return null;
  const text = value
    .toUpperCase()
    .replace(/^\s*(UICC|AJCC|TNM)?\s*[89]?\s*/, "")
    .replace(/^(C|P|YP|YC)?\s*STAGE\s*/, "")
    .replace(/\s+/g, "");
  const match = /^(IV|III|II|I|0)([A-C])?([1-3])?$/.exec(text);
  if (!match) return null;
  const group = { "0": 0, I: 1, II: 2, III: 3, IV: 4 }[match[1] as "0" | "I" | "II" | "III" | "IV"];
  return { group, letter: match[2] ? match[2].charCodeAt(0) - 64 : null, sub: match[3] ? Number(match[3]) : null };
}

/** A stated stage agrees with a derived one when it says the same, or less: `II` agrees with `IIA`, `IA` with `IA2`. */
export function stagesAgree(stated: StageDetail, derived: StageDetail): boolean {
  if (stated.group !== derived.group) return false;
  if (stated.letter !== null && derived.letter !== null && stated.letter !== derived.letter) return false;
  if (stated.letter !== null && derived.letter === null) return true;
  if (stated.sub !== null && derived.sub !== null && stated.sub !== derived.sub) return false;
  return true;
}
