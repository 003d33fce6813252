// Gleason patterns and the ISUP grade group (Epstein et al., 2016 ISUP consensus), issue #15.
// NOTE: ISUP grade groups: ≤ 3+3 → 1, 3+4 → 2, 4+3 → 3, score 8 (4+4, 3+5, 5+3) → 4, score 9–10 → 5.
// Source: https://doi.org/10.1097/PAS.0000000000000530

/** The ISUP grade group of a primary and a secondary pattern (1–5 each); null when a pattern is out of range. */
export function isupGradeGroup(primary: number, secondary: number): 1 | 2 | 3 | 4 | 5 | null {
  const valid = (p: number) => Number.isInteger(p) && p >= 1 && p <= 5;
  if (!valid(primary) || !valid(secondary)) return null;
  const sum = primary + secondary;
  if (sum <= 6) return 1;
  if (sum === 7) return primary === 3 ? 2 : 3;
  return sum === 8 ? 4 : 5;
}

/** The Gleason score the screen reads: the sum of the two patterns. */
export function gleasonSum(primary: unknown, secondary: unknown): number | undefined {
  return typeof primary === "number" &&
    typeof secondary === "number" &&
    Number.isInteger(primary) &&
    Number.isInteger(secondary)
    ? primary + secondary
    : undefined;
}
