// Builders for criteria that rule sets share or repeat. A later set keeps many criteria of the set it corrects as they
// were read (same rule, indications and sources): it names them instead of copying them, and adds what its review
// decided (strength, what resolves a flag, the review items). A published set's content must not move with them:
// each builder gives the object the set held when it was written out in full (keys in the same order).
import type { CriterionDef, CriterionRule, RuleOf, RuleSet } from "../types";

// The order every published set lists a criterion's keys in (that of CriterionDef): a carried criterion keeps it, so
// its stored and exported form is the one it had when written out in full.
const keyOrder = [
  "id",
  "appliesTo",
  "except",
  "notApplicableTo",
  "applicable",
  "group",
  "strength",
  "rule",
  "coverageOnFlag",
  "resolve",
  "sources",
  "supersedes",
  "review",
] as const satisfies readonly (keyof CriterionDef)[];
// Fails to compile when CriterionDef gains a key the list above does not name (it would be dropped silently).
const everyKeyOrdered: Exclude<keyof CriterionDef, (typeof keyOrder)[number]> extends never ? true : never = true;
void everyKeyOrdered;

function inPublishedOrder(def: CriterionDef): CriterionDef {
  return Object.fromEntries(
    keyOrder.filter((key) => def[key] !== undefined).map((key) => [key, def[key]]),
  ) as CriterionDef;
}

/** What a review adds to a criterion it keeps. */
export type Reading = Pick<CriterionDef, "notApplicableTo" | "applicable" | "strength" | "resolve" | "review">;

/** The criterion `id` of the earlier set `from`, as it stood, with what the later set's review adds. */
export function carriedOver(from: RuleSet, id: string, reading: Reading): CriterionDef {
  const def = from.criteria.find((c) => c.id === id);
  if (!def) throw new Error(`Rule set ${from.version} has no criterion ${id}`);
  return inPublishedOrder({ ...def, ...reading });
}

type ConsistencyCheck = RuleOf<"consistency">["check"];

/**
 * A check that two answers of the case agree (K8): a disagreement is a flag to resolve, never an exclusion. For
 * every indication unless `scope` narrows it.
 */
export function consistencyCheck(
  check: ConsistencyCheck,
  def: Pick<CriterionDef, "resolve" | "sources" | "review"> & Partial<Pick<CriterionDef, "appliesTo" | "applicable">>,
): CriterionDef {
  const rule: CriterionRule = { kind: "consistency", check };
  return inPublishedOrder({
    id: `consistency_${check}`,
    appliesTo: "all",
    group: "consistency",
    strength: "flag",
    rule,
    ...def,
  });
}

/**
 * An insurance condition of the notice that a case may fail without being refused (principles 1 and 2): unmet, it is
 * a flag that drops the insured tier, and the case falls through to its indication's next tier.
 */
export function insuranceCondition(
  def: Pick<CriterionDef, "id" | "appliesTo" | "rule" | "resolve" | "sources" | "supersedes">,
): CriterionDef {
  return inPublishedOrder({
    group: "indication",
    strength: "tier",
    coverageOnFlag: "falls_through",
    review: ["P1", "P2"],
    ...def,
  });
}
