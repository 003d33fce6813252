// Two decisions on the same case side by side (re-screening, issue #9 part 4): outcome and coverage before and after,
// and each criterion matched with its counterpart in the other rule set (the same id, or the one it supersedes).
import { ruleSetByVersion } from "./eligibility/rulesets";
import type { DecisionJson, Outcome } from "./screen";

type CriterionJson = DecisionJson["criteria"][number];

export type CriterionPair = {
  /** The criterion of the new decision (absent when only the old set has it). */
  after?: CriterionJson;
  /** Its counterpart in the old decision (absent when only the new set has it). */
  before?: CriterionJson;
  /** Status or value differ, or the criterion is in one decision only. */
  changed: boolean;
};

export type Direction = "improved" | "worsened" | "unchanged";

export type DecisionComparison = {
  before: { rulesetVersion: string; outcome: Outcome; coverage: DecisionJson["coverage"] };
  after: { rulesetVersion: string; outcome: Outcome; coverage: DecisionJson["coverage"] };
  direction: Direction;
  criteria: CriterionPair[];
};

const outcomeRank: Record<Outcome, number> = { not_eligible: 0, needs_review: 1, likely_eligible: 2 };

/** Better for the patient's chance to be seen: not_eligible < needs_review < likely_eligible. */
export function directionOf(before: Outcome, after: Outcome): Direction {
  const d = outcomeRank[after] - outcomeRank[before];
  return d > 0 ? "improved" : d < 0 ? "worsened" : "unchanged";
}

/** The ids of the old set a criterion of the new set stands for: its own, then those it supersedes. */
function counterpartIds(id: string, rulesetVersion: string): string[] {
  const def = ruleSetByVersion(rulesetVersion)?.criteria.find((c) => c.id === id);
  return [id, ...(def?.supersedes ?? [])];
}

export function compareDecisions(before: DecisionJson, after: DecisionJson): DecisionComparison {
  const old = new Map(before.criteria.map((c) => [c.id, c]));
  const used = new Set<string>();
  const criteria: CriterionPair[] = [];
  for (const c of after.criteria) {
    const id = counterpartIds(c.id, after.rulesetVersion).find(
      (candidate) => old.has(candidate) && !used.has(candidate),
    );
    const previous = id === undefined ? undefined : old.get(id);
    if (id !== undefined) used.add(id);
    const changed = !previous || previous.status !== c.status || previous.value !== c.value;
    criteria.push(previous ? { after: c, before: previous, changed } : { after: c, changed });
  }
  for (const c of before.criteria) if (!used.has(c.id)) criteria.push({ before: c, changed: true });
  return {
    before: { rulesetVersion: before.rulesetVersion, outcome: before.outcome, coverage: before.coverage },
    after: { rulesetVersion: after.rulesetVersion, outcome: after.outcome, coverage: after.coverage },
    direction: directionOf(before.outcome, after.outcome),
    criteria,
  };
}
