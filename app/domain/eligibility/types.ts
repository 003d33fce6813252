// The shapes of a rule set (data) and of what evaluating it yields. screen.ts re-exports the public ones.
import type { Indication } from "../case/schema";

/** `not_applicable`: the criterion does not fit this case (kq-2026-12, K2); it never makes the outcome worse. */
export type CriterionStatus = "met" | "not_met" | "unknown" | "flag" | "not_applicable";
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
  /** For a flag (and an unknown): a stable code saying what would settle it (words: screen:resolve.<code>). */
  resolve?: string;
  /** Information computed on the way (the Child-Pugh points and ALBI grade, the derived stage). */
  details?: Readonly<Record<string, string | number>>;
  /** Internal: the funding tier this result caps the case at, overriding the criterion's `coverageOnFlag`. */
  cap?: Exclude<Coverage, "none" | "jp_insurance"> | "falls_through";
};

export type Outcome = "likely_eligible" | "needs_review" | "not_eligible";
export type Coverage = "jp_insurance" | "jp_advanced_care" | "case_by_case" | "none";

/** How a case would be paid for in Japan if the receiving team accepts it. */
export type Programme = "insurance" | "advanced_care" | "case_by_case";

export type IndicationRule = {
  programme: Programme;
  /** First day an insured indication is covered (ISO date); a referral before it is not insured. */
  since?: string;
  /**
   * Where an insured case falls when an insurance condition fails but nothing excludes it (kq-2026-12 principle 2):
   * advanced care where QST lists the disease for it, otherwise case by case. Absent: case by case.
   */
  fallsTo?: "jp_advanced_care" | "case_by_case";
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
  // ── kq-2026-12: rules that read several fields at once (clinical-kinds.ts) ──
  /** Squamous cell carcinoma by histology, ICD-O-3 morphology or ICD-10 C11, at the listed subsites (K6). */
  | { kind: "head_neck_squamous"; subsites: readonly string[] }
  /** Child-Pugh class, given or computed from laboratory values (K5); C is an exclusion. */
  | { kind: "liver_function" }
  /** Ascites present (by the flag or the grade) gets `present`. */
  | { kind: "ascites"; present: CriterionStatus }
  /** FIGO 2018 stage of a cervical adenocarcinoma: II–IVA met, IB3 a flag, earlier or IVB a tier drop (K7). */
  | { kind: "cervix_adeno_figo" }
  /** Lung stage within I–`upTo`, from the stage group or from T/N/M by the edition in force (K7). */
  | { kind: "lung_stage"; upTo: string }
  /** An insured item the notice calls localised: metastatic disease drops the tier (K4). */
  | { kind: "localised_disease" }
  /** Metastatic organs (K4): `maxOrgans` or fewer are an oligometastasis flag; more, or spread, exclude. */
  | {
      kind: "metastatic_organs";
      maxOrgans: number;
      m0Required: readonly Indication[];
      oligometastasisIndications: readonly Indication[];
    }
  /** More than `maxLesions` metastatic lesions in all is a flag (CNAO). */
  | { kind: "metastatic_lesions"; maxLesions: number }
  /** Radiotherapy courses over the target (K3): a re-irradiation flag, valued with the earliest date after `months`. */
  | { kind: "reirradiation"; months: number }
  /** Two statements of the same fact that must agree (K8); a disagreement is a flag. */
  | { kind: "consistency"; check: "stage" | "metastasis" | "nodes" | "child_pugh" }
  /** Staging imaging no older than `months` on the referral date (K8). */
  | { kind: "imaging_recent"; months: number }
  /** Data that must be known (T category, Gleason score, PSA): met when all are there. */
  | { kind: "known"; fields: readonly FieldPath[] };

/** The rule of one kind. */
export type RuleOf<K extends CriterionRule["kind"]> = Extract<CriterionRule, { kind: K }>;

/** When a criterion does not fit a case it reads `not_applicable` (K2) instead of being evaluated. */
export type Applicability =
  /** Pregnancy: asked only of a patient whose sex is female or unknown and aged within the range (or of unknown age). */
  | { kind: "could_be_pregnant"; minAge: number; maxAge: number }
  /** Liver function: the liver is irradiated (hcc, icc, or a metastasis indication with a liver target). */
  | { kind: "liver_irradiated" };

/** How a criterion weighs on the outcome when it fails, for the rule book (exclusion, flag or funding tier). */
export type Strength = "exclusion" | "flag" | "tier" | "information";

export type CriterionDef = {
  id: string;
  /** The indications it applies to; `all` means every indication except those in `except`. */
  appliesTo: "all" | readonly Indication[];
  except?: readonly Indication[];
  /** Indications for which the criterion is listed as `not_applicable` (K2), with the reason shown. */
  notApplicableTo?: readonly Indication[];
  /** A condition on the case; when it does not hold the criterion is `not_applicable`. */
  applicable?: Applicability;
  /** `general` criteria hold for every indication; `indication` ones belong to an indication's inclusion rules. */
  group: "general" | "indication" | "consistency";
  /** What a failure means, for the rule book; derived from the rule where absent. */
  strength?: Strength;
  rule: CriterionRule;
  /**
   * When this criterion is a flag, the case's coverage becomes this (e.g. HCC < 40 mm → advanced care);
   * `falls_through`: to the indication's `fallsTo` tier (kq-2026-12 principle 2).
   */
  coverageOnFlag?: Exclude<Coverage, "none" | "jp_insurance"> | "falls_through";
  /** The code of what would settle a flag or an unknown (screen:resolve.<code>); a rule may give a finer one. */
  resolve?: string;
  sources: readonly string[];
  /**
   * The criteria of the replaced set (RuleSet.replaces) this one takes over under a new id, so the rule book's
   * "what changed" reads resectability → surgery_difficult as a change, not as one removal and one addition.
   */
  supersedes?: readonly string[];
  /** The items of the clinical review that explain this criterion's change (rules:review.<code>: K1–K10, P1, P2). */
  review?: readonly ReviewCode[];
};

/** The clinical review of jp-2024-06 (eligibility.md): its two principles and its ten changes. */
export type ReviewCode = "P1" | "P2" | "K1" | "K2" | "K3" | "K4" | "K5" | "K6" | "K7" | "K8" | "K9" | "K10";

export type RuleSet = {
  version: string;
  /** The first referral date the set screens (ISO date). */
  effectiveFrom: string;
  /** The last referral date it screens, when a later set takes over from a date. */
  effectiveTo?: string;
  /** When the set must be checked against the next Japanese fee revision (every second June). */
  reviewDueOn: string;
  /** When the set was published in the portal; among sets in force on a date the latest published wins. */
  publishedOn: string;
  /** The version this set corrects, if any (for the rule book's "what changed"). */
  replaces?: string;
  indications: Readonly<Record<Indication, IndicationRule>>;
  criteria: readonly CriterionDef[];
};
