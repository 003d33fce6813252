// Reading stage groups ("IIA", "Stage IVA", "FIGO IIIC1") and TNM categories ("cT2a", "N0", "M1b").
// Anything that does not parse is treated as unknown by the rules, never guessed.

export type StageGroup = { group: number; letter: number | null };

const stagePattern = /^(IV|III|II|I|0)([A-C])?([1-3])?$/;
const romanGroup: Record<string, number> = { "0": 0, I: 1, II: 2, III: 3, IV: 4 };

/** Stage group and letter (A = 1, B = 2, C = 3; null when no letter was given). Sub-numbers (IA2) are ignored. */
export function parseStage(value: unknown): StageGroup | null {
  if (typeof value !== "string") return null;
  const text = value
    .toUpperCase()
    .replace(/^\s*(FIGO|UICC|AJCC)?\s*/, "")
    .replace(/^(C|P|YP|YC)?\s*STAGE\s*/, "")
    .replace(/\s+/g, "");
  const match = stagePattern.exec(text);
  if (!match) return null;
  const group = romanGroup[match[1] ?? ""];
  if (group === undefined) return null;
  const letter = match[2] ? match[2].charCodeAt(0) - 64 : null;
  return { group, letter };
}

export type StagePosition = "inside" | "outside" | "ambiguous";

function rank(group: number, letter: number): number {
  return group * 10 + letter;
}

/**
 * Where a stage lies relative to the range [from, to] ("II" to "IVA"; a bound without a letter spans its whole
 * group). A stage given without its letter is `ambiguous` when its group straddles a bound ("IV" for II–IVA).
 */
export function stagePosition(stage: StageGroup, from: string, to: string): StagePosition | null {
  const lo = parseStage(from);
  const hi = parseStage(to);
  if (!lo || !hi) return null;
  const min = rank(lo.group, lo.letter ?? 1);
  const max = rank(hi.group, hi.letter ?? 9);
  const inside = (r: number) => r >= min && r <= max;
  if (stage.letter !== null) return inside(rank(stage.group, stage.letter)) ? "inside" : "outside";
  const first = inside(rank(stage.group, 1));
  const last = inside(rank(stage.group, 9));
  if (first && last) return "inside";
  if (!first && !last && (rank(stage.group, 9) < min || rank(stage.group, 1) > max)) return "outside";
  return "ambiguous";
}

export type TCategory = { kind: "is" | "x" | "number"; number: number; letter: string };
export type NCategory = { kind: "x" | "number"; number: number };
export type MCategory = { kind: "x" | "number"; number: number };

const prefix = "(?:[CPYRA]{1,2})?";
const tPattern = new RegExp(`^${prefix}T(IS|X|0|1MI|[1-4])([A-E])?\\d?$`);
const nPattern = new RegExp(`^${prefix}N(X|[0-3])([A-C])?$`);
const mPattern = new RegExp(`^${prefix}M(X|0|1)([A-D])?\\d?$`);

const clean = (value: unknown) => (typeof value === "string" ? value.toUpperCase().replace(/\s+/g, "") : "");

export function parseT(value: unknown): TCategory | null {
  const match = tPattern.exec(clean(value));
  if (!match) return null;
  const core = match[1] ?? "";
  if (core === "IS") return { kind: "is", number: 0, letter: "" };
  if (core === "X") return { kind: "x", number: -1, letter: "" };
  if (core === "1MI") return { kind: "number", number: 1, letter: "mi" };
  return { kind: "number", number: Number(core), letter: (match[2] ?? "").toLowerCase() };
}

export function parseN(value: unknown): NCategory | null {
  const match = nPattern.exec(clean(value));
  if (!match) return null;
  return match[1] === "X" ? { kind: "x", number: -1 } : { kind: "number", number: Number(match[1]) };
}

export function parseM(value: unknown): MCategory | null {
  const match = mPattern.exec(clean(value));
  if (!match) return null;
  return match[1] === "X" ? { kind: "x", number: -1 } : { kind: "number", number: Number(match[1]) };
}

/**
 * The stage range a TNM implies, for the two rules that may read it when no stage group is given.
 * lung (TNM 8th): T1–T2 N0 M0 is stage I–IIA; Tis, T3–T4, N1–N3 or M1 is outside.
 * esophagus: T1 N0 M0 is stage I; Tis, T2–T4, N2–N3 or M1 is outside; T1 N1 depends on the histology's staging
 * table (stage I for squamous cell carcinoma, II for adenocarcinoma in UICC 8 clinical staging), so it stays unknown.
 */
export function positionFromTnm(
  derive: "lung" | "esophagus",
  tnm: { t?: unknown; n?: unknown; m?: unknown },
): StagePosition | null {
  const t = parseT(tnm.t);
  const n = parseN(tnm.n);
  const m = parseM(tnm.m);
  if (m?.kind === "number" && m.number >= 1) return "outside";
  if (t?.kind === "is") return "outside";
  const maxT = derive === "lung" ? 2 : 1;
  if (t?.kind === "number" && t.number > maxT) return "outside";
  const maxNOutside = derive === "lung" ? 1 : 2;
  if (n?.kind === "number" && n.number >= maxNOutside) return "outside";
  const tInside = t?.kind === "number" && t.number >= 1 && t.number <= maxT;
  const nZero = n?.kind === "number" && n.number === 0;
  const mZero = m?.kind === "number" && m.number === 0;
  if (tInside && nZero && mZero) return "inside";
  return null;
}
