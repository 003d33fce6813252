// The rule book: a rule set read back as plain data a page can put into words (issue #9, part 3). Everything here is
// computed from the rule-set data, so the book can never say something the screen does not do.
import type { Indication } from "../case/schema";
import { indicationsOf } from "./evaluate";
import { thresholdOf, type Threshold } from "./thresholds";
import { ruleSetInForce, ruleSets } from "./rulesets";
import type {
  Applicability,
  Coverage,
  CriterionDef,
  CriterionRule,
  CriterionStatus,
  IndicationRule,
  Programme,
  ReviewCode,
  RuleSet,
  Strength,
} from "./types";

export { thresholdOf, type Threshold } from "./thresholds";

export type CriterionView = {
  id: string;
  group: CriterionDef["group"];
  strength: Strength;
  threshold: Threshold;
  /** The indications it is evaluated for; `all` when it holds for every indication. */
  indications: "all" | Indication[];
  /** Indications for which it is listed as not applicable (K2). */
  notApplicableTo: Indication[];
  /** A condition on the case (women aged 12–55; the liver irradiated). */
  condition?: Applicability;
  /** Where a flag moves the funding tier. */
  coverageOnFlag?: CriterionDef["coverageOnFlag"];
  sources: string[];
  supersedes: string[];
  review: ReviewCode[];
};

export type IndicationView = {
  code: Indication;
  programme: Programme;
  since?: string;
  /** The tier a failed insurance condition drops the case to (insured indications only). */
  fallsTo?: Exclude<Coverage, "none" | "jp_insurance">;
  sources: string[];
};

export type RuleBook = {
  version: string;
  indications: IndicationView[];
  criteria: CriterionView[];
};

/** A rule set's dates as its own definition gives them (RuleSet), and what they mean on `today`. */
export type RuleSetValidity = Pick<
  RuleSet,
  "version" | "effectiveFrom" | "effectiveTo" | "reviewDueOn" | "publishedOn" | "replaces"
> & {
  /** The set a referral dated `today` is screened with. */
  inForce: boolean;
  /** Its review date has passed on `today`. */
  reviewOverdue: boolean;
};

const failing: readonly CriterionStatus[] = ["not_met"];

/** The statuses a rule can give (other than met and unknown), for deriving a strength the data does not state. */
function statusesOf(rule: CriterionRule): CriterionStatus[] {
  switch (rule.kind) {
    case "boolean":
      return [rule.onTrue, rule.onFalse];
    case "minimum":
      return [rule.below];
    case "maximum":
      return [rule.above];
    case "range":
    case "stage":
      return [rule.outside];
    case "choice":
      return [
        ...Object.values(rule.statuses),
        ...Object.values(rule.byIndication ?? {}).flatMap((s) => Object.values(s ?? {})),
      ];
    case "ascites":
      return [rule.present];
    case "known":
      return ["unknown"];
    case "indication_listed":
    case "cervix_adeno_figo":
    case "lung_stage":
    case "localised_disease":
      return ["flag"];
    case "metastatic_lesions":
    case "reirradiation":
    case "consistency":
    case "imaging_recent":
      return ["flag"];
    default:
      // distant_metastasis, prior_radiotherapy, histology_at_subsite, node_negative, head_neck_squamous, liver_function,
      // metastatic_organs: each can exclude.
      return ["not_met"];
  }
}

/**
 * What a failure means. kq-2026-12 states it; jp-2024-06 did not, so it is read from the rule: a rule that can
 * give not_met excludes, a flag that moves the funding tier is a tier, any other flag is a flag.
 */
export function strengthOf(def: CriterionDef): Strength {
  if (def.strength) return def.strength;
  const statuses = statusesOf(def.rule);
  if (statuses.some((s) => failing.includes(s))) return "exclusion";
  if (def.rule.kind === "indication_listed" || def.coverageOnFlag !== undefined) return "tier";
  if (statuses.includes("flag")) return "flag";
  return "information";
}

function indicationView(code: Indication, rule: IndicationRule): IndicationView {
  const view: IndicationView = { code, programme: rule.programme, sources: [...rule.sources] };
  if (rule.since !== undefined) view.since = rule.since;
  // Only a set with principle 2 (tiers fall through) names the next tier; in jp-2024-06 a failed insurance condition
  // was not_met, so its insured items fell nowhere.
  if (rule.programme === "insurance" && rule.fallsTo) view.fallsTo = rule.fallsTo;
  return view;
}

export function criterionView(def: CriterionDef): CriterionView {
  const all = def.appliesTo === "all" && (def.except ?? []).length === 0;
  const view: CriterionView = {
    id: def.id,
    group: def.group,
    strength: strengthOf(def),
    threshold: thresholdOf(def.rule),
    indications: all ? "all" : indicationsOf(def),
    notApplicableTo: [...(def.notApplicableTo ?? [])],
    sources: [...def.sources],
    supersedes: [...(def.supersedes ?? [])],
    review: [...(def.review ?? [])],
  };
  if (def.applicable) view.condition = def.applicable;
  if (def.coverageOnFlag) view.coverageOnFlag = def.coverageOnFlag;
  return view;
}

/** Every indication with its tier and every criterion with its threshold, applicability, strength and sources. */
export function ruleBookOf(ruleset: RuleSet): RuleBook {
  return {
    version: ruleset.version,
    indications: (Object.entries(ruleset.indications) as [Indication, IndicationRule][]).map(([code, rule]) =>
      indicationView(code, rule),
    ),
    criteria: ruleset.criteria.map(criterionView),
  };
}

/** Every known set with its dates; which one screens a referral dated `today`, and whose review is overdue. */
export function ruleSetValidity(today: string, sets: readonly RuleSet[] = ruleSets): RuleSetValidity[] {
  const inForce = ruleSetInForce(today, today).version;
  return sets.map((r) => {
    const view: RuleSetValidity = {
      version: r.version,
      effectiveFrom: r.effectiveFrom,
      reviewDueOn: r.reviewDueOn,
      publishedOn: r.publishedOn,
      inForce: r.version === inForce,
      reviewOverdue: today > r.reviewDueOn,
    };
    if (r.effectiveTo !== undefined) view.effectiveTo = r.effectiveTo;
    if (r.replaces !== undefined) view.replaces = r.replaces;
    return view;
  });
}
