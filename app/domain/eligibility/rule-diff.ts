// "What changed" between two rule sets, computed from their data (issue #9, part 3): criteria added, removed,
// renamed, or changed in strength, threshold or applicability, and indications whose tier changed. A criterion of
// the newer set names the ones it takes over (`supersedes`), so a renamed rule reads as one change.
import type { Indication } from "../case/schema";
import { criterionView, ruleBookOf, type CriterionView, type IndicationView } from "./rule-book";
import type { ReviewCode, RuleSet } from "./types";

export type CriterionAspect = "strength" | "threshold" | "applicability" | "coverage";

export type CriterionChange =
  | { change: "added"; to: CriterionView; review: ReviewCode[] }
  | { change: "removed"; from: CriterionView; review: ReviewCode[] }
  | {
      change: "changed";
      from: CriterionView;
      to: CriterionView;
      /** The id changed (resectability → surgery_difficult). */
      renamed: boolean;
      aspects: CriterionAspect[];
      review: ReviewCode[];
    };

export type IndicationChange = {
  code: Indication;
  from: IndicationView;
  to: IndicationView;
  aspects: ("programme" | "since" | "fallsTo")[];
};

export type RuleSetDiff = { from: string; to: string; criteria: CriterionChange[]; indications: IndicationChange[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function aspectsOf(from: CriterionView, to: CriterionView): CriterionAspect[] {
  const aspects: CriterionAspect[] = [];
  if (from.strength !== to.strength) aspects.push("strength");
  if (!same(from.threshold, to.threshold)) aspects.push("threshold");
  if (
    !same([from.indications, from.notApplicableTo, from.condition], [to.indications, to.notApplicableTo, to.condition])
  )
    aspects.push("applicability");
  if (from.coverageOnFlag !== to.coverageOnFlag) aspects.push("coverage");
  return aspects;
}

/** The changes from `from` to `to`, in the newer set's order, then what it dropped. */
export function diffRuleSets(from: RuleSet, to: RuleSet): RuleSetDiff {
  const older = new Map(from.criteria.map((def) => [def.id, def]));
  const taken = new Set<string>();
  const criteria: CriterionChange[] = [];
  for (const def of to.criteria) {
    const view = criterionView(def);
    // The same id, else the first superseded criterion the older set has; a criterion superseded by two newer
    // ones (ascites → liver_ascites and pancreas_ascites) is compared with each.
    const counterpartId = older.has(def.id) ? def.id : (def.supersedes ?? []).find((id) => older.has(id));
    if (counterpartId === undefined) {
      criteria.push({ change: "added", to: view, review: view.review });
      continue;
    }
    taken.add(counterpartId);
    const before = criterionView(older.get(counterpartId)!);
    const renamed = counterpartId !== def.id;
    const aspects = aspectsOf(before, view);
    if (renamed || aspects.length > 0)
      criteria.push({ change: "changed", from: before, to: view, renamed, aspects, review: view.review });
  }
  for (const def of from.criteria) {
    if (!taken.has(def.id)) criteria.push({ change: "removed", from: criterionView(def), review: [] });
  }

  const toBook = ruleBookOf(to);
  const fromIndications = new Map(ruleBookOf(from).indications.map((i) => [i.code, i]));
  const indications: IndicationChange[] = [];
  for (const after of toBook.indications) {
    const before = fromIndications.get(after.code);
    if (!before) continue;
    const aspects: IndicationChange["aspects"] = [];
    if (before.programme !== after.programme) aspects.push("programme");
    if (before.since !== after.since) aspects.push("since");
    if (before.fallsTo !== after.fallsTo) aspects.push("fallsTo");
    if (aspects.length > 0) indications.push({ code: after.code, from: before, to: after, aspects });
  }
  return { from: from.version, to: to.version, criteria, indications };
}
