// The shapes of a rule set (data) and of what evaluating it yields. screen.ts re-exports the public ones.
import type { Indication } from "../case/schema";

export type CriterionStatus = "met" | "not_met" | "unknown" | "flag";
export type CriterionValue = string | number | boolean | null;

export type CriterionResult = {
  id: string;
  status: CriterionStatus;
  /** The value the rule used (absent when the data was missing). */
  value?: CriterionValue;
  /** The threshold or accepted values, in a language-neutral notation ("0-2", ">=40 mm", "A|B"). */
  expected?: string;
  /** Every case path the criterion reads. */
  fields: string[];
  /** The case paths whose absence made the result `unknown` (a subset of `fields`). */
  missing?: string[];
  /** The first published source of the rule. */
  source?: string;
};

export type Outcome = "likely_eligible" | "needs_review" | "not_eligible";
export type Coverage = "jp_insurance" | "jp_advanced_care" | "case_by_case" | "none";

/** How a case would be paid for in Japan if the receiving team accepts it. */
export type Programme = "insurance" | "advanced_care" | "case_by_case";

export type IndicationRule = {
  programme: Programme;
  /** First day an insured indication is covered (ISO date); a referral before it is not insured. */
  since?: string;
  sources: readonly string[];
};

/** A field of the case, as a dotted path ("diagnosis.maxDiameterMm"). */
export type FieldPath = string;

/**
 * How a criterion turns case fields into a status. Each kind is interpreted by evaluate.ts; the thresholds and
 * statuses are data here, so a new rule-set revision is a new data file.
 */
export type CriterionRule =
  /** A yes/no fact; the statuses for true and false. */
  | { kind: "boolean"; field: FieldPath; onTrue: CriterionStatus; onFalse: CriterionStatus }
  /** A measured value with a lower bound (inclusive); the status below it. */
  | { kind: "minimum"; field: FieldPath; min: number; unit: string; below: CriterionStatus }
  /** A measured value with an upper bound (inclusive); the status above it. */
  | { kind: "maximum"; field: FieldPath; max: number; unit: string; above: CriterionStatus }
  /** An integer scale with an accepted range (inclusive); the status outside it. */
  | { kind: "range"; field: FieldPath; min: number; max: number; outside: CriterionStatus }
  /** A coded value: the status of each code; a code not listed reads as unknown. Some indications differ. */
  | {
      kind: "choice";
      field: FieldPath;
      statuses: Readonly<Record<string, CriterionStatus>>;
      byIndication?: Partial<Record<Indication, Readonly<Record<string, CriterionStatus>>>>;
    }
  /** The indication is on the insurance list and the referral is dated on or after its start. */
  | { kind: "indication_listed" }
  /** Distant metastasis: count of sites, peritoneal/meningeal spread and the M category. */
  | {
      kind: "distant_metastasis";
      /** Indications that require M0: any distant metastasis is an exclusion. */
      m0Required: readonly Indication[];
      /** Indications whose subject is the oligometastasis itself: up to `oligometastasisMaxSites` is within criteria. */
      oligometastasisIndications: readonly Indication[];
      /** Up to this many sites is an oligometastasis (a flag elsewhere); more is an exclusion. */
      oligometastasisMaxSites: number;
    }
  /** Prior radiotherapy to the same site: re-irradiation is for review, too soon after the last course is excluded. */
  | { kind: "prior_radiotherapy"; minMonthsSinceSameSite: number }
  /** A stage group within a range; outside it gets `outside`. `derive` reads the TNM when no usable stage is given. */
  | { kind: "stage"; from: string; to: string; outside: CriterionStatus; derive?: "lung" | "esophagus" }
  /** Squamous cell carcinoma of the listed head & neck subsites is excluded. */
  | { kind: "histology_at_subsite"; histology: string; subsites: readonly string[] }
  /** The N category must be N0. */
  | { kind: "node_negative" }
  /** Data that must be known (T category, Gleason score, PSA): met when all are there. */
  | { kind: "known"; fields: readonly FieldPath[] };

export type CriterionDef = {
  id: string;
  /** The indications it applies to; `all` means every indication except those in `except`. */
  appliesTo: "all" | readonly Indication[];
  except?: readonly Indication[];
  /** `general` criteria hold for every indication; `indication` ones belong to an indication's inclusion rules. */
  group: "general" | "indication";
  rule: CriterionRule;
  /** When this criterion is a flag, the case's coverage becomes this (e.g. HCC < 40 mm → advanced care). */
  coverageOnFlag?: Exclude<Coverage, "none" | "jp_insurance">;
  sources: readonly string[];
};

export type RuleSet = {
  version: string;
  indications: Readonly<Record<Indication, IndicationRule>>;
  criteria: readonly CriterionDef[];
};
