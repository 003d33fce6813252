// Liver function from laboratory values (kq-2026-12, K5): the Child-Pugh class and the ALBI grade.
// NOTE: Child-Pugh points as in Pugh et al., Br J Surg 1973;60:646–9 (bilirubin in mg/dL, albumin in g/dL, INR in
// place of prothrombin time); ALBI as in Johnson et al., J Clin Oncol 2015;33:550–8.

export type ChildPughClass = "A" | "B" | "C";

export type LiverInputs = {
  bilirubinMgDl?: unknown;
  albuminGDl?: unknown;
  inr?: unknown;
  ascitesGrade?: unknown;
  encephalopathyGrade?: unknown;
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

const gradePoints: Record<string, number> = { none: 1, mild: 2, moderate_severe: 3, grade_1_2: 2, grade_3_4: 3 };

/** The Child-Pugh points and class, or null unless all five inputs are known. */
export function childPughOf(inputs: LiverInputs): { points: number; class: ChildPughClass } | null {
  const bilirubin = num(inputs.bilirubinMgDl);
  const albumin = num(inputs.albuminGDl);
  const inr = num(inputs.inr);
  const ascites = typeof inputs.ascitesGrade === "string" ? gradePoints[inputs.ascitesGrade] : undefined;
  const encephalopathy =
    typeof inputs.encephalopathyGrade === "string" ? gradePoints[inputs.encephalopathyGrade] : undefined;
  if (bilirubin === null || albumin === null || inr === null || ascites === undefined || encephalopathy === undefined)
    return null;
  const points =
    (bilirubin < 2 ? 1 : bilirubin <= 3 ? 2 : 3) +
    (albumin > 3.5 ? 1 : albumin >= 2.8 ? 2 : 3) +
    (inr < 1.7 ? 1 : inr <= 2.3 ? 2 : 3) +
    ascites +
    encephalopathy;
  return { points, class: points <= 6 ? "A" : points <= 9 ? "B" : "C" };
}

/** The ALBI grade (1–3), information only, or null without bilirubin and albumin. */
export function albiGradeOf(inputs: LiverInputs): 1 | 2 | 3 | null {
  const bilirubin = num(inputs.bilirubinMgDl);
  const albumin = num(inputs.albuminGDl);
  if (bilirubin === null || albumin === null || bilirubin <= 0) return null;
  const score = Math.log10(bilirubin * 17.1) * 0.66 + albumin * 10 * -0.085;
  return score <= -2.6 ? 1 : score <= -1.39 ? 2 : 3;
}
