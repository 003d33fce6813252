// Interprets a rule set (data) against one case. Pure and fast: each rule set is compiled once into, per
// indication, the list of criterion evaluators that apply, so a screen is a loop over small closures.
import type { Indication, ScreenCase } from "../case/schema";
import { indications } from "../case/vocabulary";
import { compileBasicCriterion, insuredOn, type Evaluator } from "./basic-kinds";
import { compileClinicalCriterion } from "./clinical-kinds";
import { resultsOf } from "./criterion-results";
import { ruleSetInForce } from "./rulesets";
import type { Applicability, Coverage, CriterionDef, CriterionResult, Outcome, RuleSet } from "./types";

export { insuredOn } from "./basic-kinds";

export type Evaluation = {
  rulesetVersion: string;
  outcome: Outcome;
  coverage: Coverage;
  criteria: CriterionResult[];
  missing: string[];
};

function compileCriterion(def: CriterionDef, ruleset: RuleSet): Evaluator {
  const evaluator = compileBasicCriterion(def, ruleset) ?? compileClinicalCriterion(def);
  if (evaluator === null) throw new Error(`criterion ${def.id}: unknown rule kind ${def.rule.kind}`);
  const notApplicableTo = def.notApplicableTo ?? [];
  const applicable = def.applicable;
  if (notApplicableTo.length === 0 && applicable === undefined) return evaluator;
  // K2: a criterion that does not fit the case is listed as not_applicable, with what decided it.
  const { ok } = resultsOf(def, [...(applicable ? applicabilityFields(applicable) : []), "diagnosis.indication"]);
  const byIndication = (indication: Indication) =>
    ok("not_applicable", indication, undefined, { resolve: "not_applicable_indication" });
  return (c, indication) => {
    if (notApplicableTo.includes(indication)) return byIndication(indication);
    if (applicable && !appliesTo(applicable, c, indication))
      return ok("not_applicable", undefined, undefined, { resolve: `not_applicable_${applicable.kind}` });
    return evaluator(c, indication);
  };
}

function applicabilityFields(a: Applicability): string[] {
  return a.kind === "could_be_pregnant"
    ? ["patient.sex", "patient.birthDate", "referredOn"]
    : ["diagnosis.metastases", "diagnosis.icd10"];
}

/** Whole years from a birth date to a later date, by the calendar. */
function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

function appliesTo(a: Applicability, c: ScreenCase, indication: Indication): boolean {
  if (a.kind === "could_be_pregnant") {
    const sex = c.patient?.sex;
    if (sex === "male" || sex === "other") return false;
    const birthDate = c.patient?.birthDate;
    if (typeof birthDate !== "string" || typeof c.referredOn !== "string") return true;
    const age = ageOn(birthDate, c.referredOn);
    return age >= a.minAge && age <= a.maxAge;
  }
  // The liver is irradiated for a liver primary, or for a metastasis indication whose target is in the liver.
  if (indication === "hcc" || indication === "icc") return true;
  if (indication !== "metastasis") return false;
  const liverTarget = (c.diagnosis.metastases ?? []).some((m) => m.organ === "liver");
  return liverTarget || (typeof c.diagnosis.icd10 === "string" && /^C78\.7/i.test(c.diagnosis.icd10));
}

type Compiled = Record<Indication, { defs: CriterionDef[]; evaluators: Evaluator[] }>;

const compiledCache = new WeakMap<RuleSet, Compiled>();

function compile(ruleset: RuleSet): Compiled {
  const cached = compiledCache.get(ruleset);
  if (cached) return cached;
  const evaluators = new Map(ruleset.criteria.map((def) => [def, compileCriterion(def, ruleset)]));
  const out = {} as Compiled;
  for (const indication of indications) {
    const defs = criteriaFor(indication, ruleset);
    out[indication] = { defs, evaluators: defs.map((def) => evaluators.get(def) as Evaluator) };
  }
  compiledCache.set(ruleset, out);
  return out;
}

/** The criteria of a rule set that apply to an indication, in the rule set's order (for the UI and the engine). */
export function criteriaFor(indication: Indication, ruleset: RuleSet): CriterionDef[] {
  return ruleset.criteria.filter((def) =>
    def.appliesTo === "all" ? !(def.except ?? []).includes(indication) : def.appliesTo.includes(indication),
  );
}

/** The indications a criterion applies to. */
export function indicationsOf(def: CriterionDef): Indication[] {
  return indications.filter((indication) =>
    def.appliesTo === "all" ? !(def.except ?? []).includes(indication) : def.appliesTo.includes(indication),
  );
}

/** Any not_met → not_eligible; else any unknown or flag → needs_review; else likely_eligible (not_applicable counts for nothing). */
export function outcomeOf(criteria: readonly CriterionResult[]): Outcome {
  let review = false;
  for (const r of criteria) {
    if (r.status === "not_met") return "not_eligible";
    if (r.status === "unknown" || r.status === "flag") review = true;
  }
  return review ? "needs_review" : "likely_eligible";
}

const coverageRank: Record<Coverage, number> = { none: 0, case_by_case: 1, jp_advanced_care: 2, jp_insurance: 3 };

/**
 * The programme the case is on, given what is known. Unknown data does not move it (the outcome already says
 * "needs review" and lists what is missing); a flag on a tier criterion (HCC < 40 mm, lung beyond IIA) moves it
 * down; an insured indication referred before its start date is case by case. A flag that "falls through" (an
 * insurance condition not met, kq-2026-12 principle 2) moves it to the indication's next tier.
 */
export function coverageOf(
  outcome: Outcome,
  indication: Indication,
  referredOn: unknown,
  defs: readonly CriterionDef[],
  criteria: readonly CriterionResult[],
  ruleset: RuleSet,
): Coverage {
  if (outcome === "not_eligible") return "none";
  const entry = ruleset.indications[indication];
  let coverage: Coverage =
    entry.programme === "insurance"
      ? insuredOn(entry, referredOn)
        ? "jp_insurance"
        : "case_by_case"
      : entry.programme === "advanced_care"
        ? "jp_advanced_care"
        : "case_by_case";
  const fallsTo: Coverage = entry.programme === "insurance" ? (entry.fallsTo ?? "case_by_case") : "case_by_case";
  for (let i = 0; i < defs.length; i++) {
    const result = criteria[i];
    if (result?.status !== "flag") continue;
    const cap = result.cap ?? defs[i]?.coverageOnFlag;
    const downgrade = cap === "falls_through" ? fallsTo : cap;
    if (downgrade && coverageRank[downgrade] < coverageRank[coverage]) coverage = downgrade;
  }
  return coverage;
}

/** Every case path that unknown criteria need, once each, in criterion order. */
export function missingOf(criteria: readonly CriterionResult[]): string[] {
  const out: string[] = [];
  for (const r of criteria) {
    if (r.status !== "unknown" || !r.missing) continue;
    for (const path of r.missing) if (!out.includes(path)) out.push(path);
  }
  return out;
}

/** Evaluates a case against a rule set: every applicable criterion, the outcome, the coverage, what is missing. */
export function evaluate(c: ScreenCase, ruleset: RuleSet = ruleSetInForce(c.referredOn)): Evaluation {
  const indication = c.diagnosis.indication;
  const entry = compile(ruleset)[indication];
  const criteria = entry.evaluators.map((evaluateCriterion) => evaluateCriterion(c, indication));
  const outcome = outcomeOf(criteria);
  return {
    rulesetVersion: ruleset.version,
    outcome,
    coverage: coverageOf(outcome, indication, c.referredOn, entry.defs, criteria, ruleset),
    criteria,
    missing: missingOf(criteria),
  };
}
