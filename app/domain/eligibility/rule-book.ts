// The rule book: a rule set read back as plain data a page can put into words (issue #9, part 3). Everything here is
// computed from the rule-set data, so the book can never say something the screen does not do.
import type { Indication } from "../case/schema";
import { indicationsOf } from "./evaluate";
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

/** A criterion's threshold: the screen's own notation where the rule has one, and the rule's parameters. */
export type Threshold = {
  kind: CriterionRule["kind"];
  /** The language-neutral notation the screen shows as "expected" (decision-panel/format.ts puts it into words). */
  expected?: string;
  /** Numbers, codes and statuses the rule kind's sentence needs (rules:kinds.<kind>). */
  params: Record<string, string | number>;
  /** The case fields the rule reads (words: screen:fields.<path>). */
  fields: string[];
};

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

const tnm = ["diagnosis.tnm.t", "diagnosis.tnm.n", "diagnosis.tnm.m"];

const metCodes = (statuses: Readonly<Record<string, CriterionStatus>>) =>
  Object.keys(statuses)
    .filter((k) => statuses[k] === "met")
    .join("|");

/** The threshold of a rule, as the screen writes it where it can, and the parameters of its kind otherwise. */
export function thresholdOf(rule: CriterionRule): Threshold {
  switch (rule.kind) {
    case "boolean":
      return {
        kind: rule.kind,
        expected: rule.onTrue === "met" ? "true" : "false",
        params: { onTrue: rule.onTrue, onFalse: rule.onFalse },
        fields: [rule.field],
      };
    case "minimum":
      return {
        kind: rule.kind,
        expected: `>=${rule.min} ${rule.unit}`,
        params: { otherwise: rule.below },
        fields: [rule.field],
      };
    case "maximum":
      return {
        kind: rule.kind,
        expected: `<=${rule.max} ${rule.unit}`,
        params: { otherwise: rule.above },
        fields: [rule.field],
      };
    case "range":
      return {
        kind: rule.kind,
        expected: `${rule.min}-${rule.max}`,
        params: { otherwise: rule.outside },
        fields: [rule.field],
      };
    case "choice": {
      const params: Record<string, string> = {};
      for (const [code, status] of Object.entries(rule.statuses)) if (status !== "met") params[code] = status;
      return { kind: rule.kind, expected: metCodes(rule.statuses), params, fields: [rule.field] };
    }
    case "indication_listed":
      return {
        kind: rule.kind,
        expected: "insurance_list",
        params: {},
        fields: ["diagnosis.indication", "referredOn"],
      };
    case "distant_metastasis":
      return {
        kind: rule.kind,
        expected: "0",
        params: { maxSites: rule.oligometastasisMaxSites, m0Required: rule.m0Required.join("|") },
        fields: ["diagnosis.distantMetastasisSites", "diagnosis.peritonealOrMeningealSpread", "diagnosis.tnm.m"],
      };
    case "prior_radiotherapy":
      return {
        kind: rule.kind,
        expected: "none|other_site",
        params: { months: rule.minMonthsSinceSameSite },
        fields: ["history.priorRadiotherapy", "history.priorRadiotherapyEndedOn"],
      };
    case "stage":
      return {
        kind: rule.kind,
        expected: rule.from === rule.to ? rule.from : `${rule.from}-${rule.to}`,
        params: { otherwise: rule.outside },
        fields: ["diagnosis.stage", ...(rule.derive ? tnm : [])],
      };
    case "histology_at_subsite":
      return {
        kind: rule.kind,
        expected: `!${rule.histology}@${rule.subsites.join("|")}`,
        params: {},
        fields: ["diagnosis.histology", "diagnosis.subsite"],
      };
    case "node_negative":
      return { kind: rule.kind, expected: "N0", params: {}, fields: ["diagnosis.tnm.n"] };
    case "head_neck_squamous":
      return {
        kind: rule.kind,
        expected: `!squamous_cell_carcinoma@${rule.subsites.join("|")}`,
        params: {},
        fields: ["diagnosis.histology", "diagnosis.icdO3Morphology", "diagnosis.icd10", "diagnosis.subsite"],
      };
    case "liver_function":
      return {
        kind: rule.kind,
        expected: "A|B",
        params: {},
        fields: [
          "diagnosis.childPugh",
          "diagnosis.labs.bilirubinMgDl",
          "diagnosis.labs.albuminGDl",
          "diagnosis.labs.inr",
          "diagnosis.ascitesGrade",
          "clinical.encephalopathyGrade",
        ],
      };
    case "ascites":
      return {
        kind: rule.kind,
        expected: "false",
        params: { otherwise: rule.present },
        fields: ["diagnosis.ascites", "diagnosis.ascitesGrade"],
      };
    case "cervix_adeno_figo":
      return { kind: rule.kind, expected: "II-IVA", params: {}, fields: ["diagnosis.stage"] };
    case "lung_stage":
      return {
        kind: rule.kind,
        expected: `I-${rule.upTo}`,
        params: { upTo: rule.upTo },
        fields: ["diagnosis.stage", ...tnm, "diagnosis.tnm.edition"],
      };
    case "localised_disease":
      return { kind: rule.kind, expected: "M0", params: {}, fields: ["diagnosis.metastases", "diagnosis.tnm.m"] };
    case "metastatic_organs":
      return {
        kind: rule.kind,
        params: { maxOrgans: rule.maxOrgans, m0Required: rule.m0Required.join("|") },
        fields: ["diagnosis.metastases", "diagnosis.peritonealOrMeningealSpread", "diagnosis.tnm.m"],
      };
    case "metastatic_lesions":
      return { kind: rule.kind, params: { maxLesions: rule.maxLesions }, fields: ["diagnosis.metastases"] };
    case "reirradiation":
      return { kind: rule.kind, params: { months: rule.months }, fields: ["history.radiotherapyCourses"] };
    case "consistency":
      return { kind: rule.kind, params: { check: rule.check }, fields: [] };
    case "imaging_recent":
      return { kind: rule.kind, params: { months: rule.months }, fields: ["diagnosis.imagingDate", "referredOn"] };
    case "known":
      return { kind: rule.kind, expected: "known", params: {}, fields: [...rule.fields] };
  }
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
