// FIGO 2018 cervical cancer stages with their sub-stages (kq-2026-12, K7): IA1–IA2, IB1–IB3, IIA1–IIA2, IIB,
// IIIA, IIIB, IIIC1r/p, IIIC2r/p, IVA, IVB. Bhatla et al., Int J Gynaecol Obstet 2019;145:129–35.

export type FigoStage = { group: number; letter: number | null; sub: number | null; text: string };

const figoPattern = /^(IV|III|II|I)([A-C])?([1-3])?([RP])?$/;
const groups: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

export function parseFigo(value: unknown): FigoStage | null {
  if (typeof value !== "string") return null;
  const text = value
    .toUpperCase()
    .replace(/^\s*(FIGO)?\s*(2018)?\s*(STAGE)?\s*/, "")
    .replace(/\s+/g, "");
  const match = figoPattern.exec(text);
  if (!match) return null;
  const group = groups[match[1] ?? ""];
  if (group === undefined) return null;
  return {
    group,
    letter: match[2] ? match[2].charCodeAt(0) - 64 : null,
    sub: match[3] ? Number(match[3]) : null,
    text,
  };
}

/** Where a cervical adenocarcinoma's FIGO stage lies for the insured "locally advanced" item. */
export function cervixAdenoPosition(
  stage: FigoStage,
): "locally_advanced" | "bulky_ib3" | "early" | "distant" | "ambiguous" {
  if (stage.group === 4) return stage.letter === 1 ? "locally_advanced" : stage.letter === 2 ? "distant" : "ambiguous";
  if (stage.group === 2 || stage.group === 3) return "locally_advanced";
  // Stage I: IB3 (≥ 4 cm) is commonly counted as locally advanced; IA and IB1–IB2 are early.
  if (stage.letter === 2 && stage.sub === 3) return "bulky_ib3";
  if (stage.letter === 1 || (stage.letter === 2 && stage.sub !== null)) return "early";
  return "ambiguous";
}

/** FIGO IIIC stages are defined by nodes (IIIC1 pelvic, IIIC2 para-aortic). */
export const figoNeedsNodes = (stage: FigoStage) => stage.group === 3 && stage.letter === 3;
