// Rule set kq-2026-12: the clinical review of jp-2024-06 (shared/domain/eligibility.md, "Rule set kq-2026-12").
// It reads the same June 2024 insurance notice, corrected: an insurance condition decides the funding tier, a
// centre's practice a flag, and only a safety contraindication excludes. Data only: basic-kinds.ts and
// clinical-kinds.ts interpret each rule kind; the readings of the sources are in docs/decisions/0014.
import type { Indication } from "../../case/schema";
import type { CriterionDef, IndicationRule, RuleSet } from "../types";
import { carriedOver, consistencyCheck, insuranceCondition } from "./criterion-builders";
import { jp2024_06, sources as jpSources } from "./jp-2024-06";

export const sources = {
  ...jpSources,
  iaslc9: "https://doi.org/10.1016/j.jtho.2024.02.011",
  figo2018: "https://doi.org/10.1002/ijgo.12749",
  childPugh: "https://doi.org/10.1002/bjs.1800600817",
  albi: "https://doi.org/10.1200/JCO.2014.57.9151",
  whoNasopharynx:
    "https://publications.iarc.fr/Book-And-Report-Series/Who-Classification-Of-Tumours/Head-And-Neck-Tumours-2024",
  icdO3:
    "https://www.who.int/standards/classifications/other-classifications/international-classification-of-diseases-for-oncology",
} as const;

const s = sources;
// The indications, their programmes and insured-since dates are those of jp-2024-06 (the same notice). The review adds
// where an insured case falls when one of its insurance conditions is not met (principle 2): case by case unless
// QST lists the disease for advanced care.
// NOTE: K1 — QST lists non-insured early non-small-cell lung cancer (operable, surgery declined) for advanced care.
const fallsToAdvancedCare: readonly Indication[] = ["lung"];

function withFallsTo(indication: Indication, rule: IndicationRule): IndicationRule {
  if (rule.programme !== "insurance") return rule;
  const fallsTo = fallsToAdvancedCare.includes(indication) ? "jp_advanced_care" : "case_by_case";
  return { programme: rule.programme, since: rule.since, fallsTo, sources: rule.sources };
}

const indications = Object.fromEntries(
  Object.entries(jp2024_06.indications).map(([indication, rule]) => [
    indication,
    withFallsTo(indication as Indication, rule),
  ]),
) as Record<Indication, IndicationRule>;

const criteria: CriterionDef[] = [
  // ── The indication and its funding tier ─────────────────────────────────────────────────────────────────────
  {
    id: "indication_listed",
    appliesTo: "all",
    group: "indication",
    strength: "tier",
    rule: { kind: "indication_listed" },
    resolve: "indication_tier",
    sources: [s.insuranceList, s.qstList, s.qstForDoctors],
    review: ["P2"],
  },
  {
    // NOTE: K1 — 手術による根治的治療が困難: insured items are for cases where curative surgery is difficult
    // (medically inoperable included). Surgery possible drops the tier; patients who decline surgery are seen.
    id: "surgery_difficult",
    appliesTo: "all",
    except: ["prostate", "head_neck"],
    group: "indication",
    strength: "tier",
    rule: { kind: "choice", field: "diagnosis.resectable", statuses: { no: "met", yes: "flag" } },
    coverageOnFlag: "falls_through",
    resolve: "surgery_declined",
    sources: [s.insuranceList, s.jastro2022],
    supersedes: ["resectability"],
    review: ["K1", "P2"],
  },
  {
    // NOTE: K6 — 頭頸部悪性腫瘍（口腔・咽喉頭の扁平上皮癌を除く）, recognised by histology, ICD-O-3 or ICD-10 C11.
    id: "head_neck_squamous",
    appliesTo: ["head_neck"],
    group: "indication",
    strength: "exclusion",
    rule: { kind: "head_neck_squamous", subsites: ["oral_cavity", "pharynx", "larynx"] },
    sources: [s.insuranceList, s.whoNasopharynx, s.icdO3],
    supersedes: ["head_neck_scc_excluded"],
    review: ["K6"],
  },
  // NOTE: 前立腺癌（転移を有するものを除く）: a lymph-node metastasis is a metastasis.
  carriedOver(jp2024_06, "prostate_nodes", { strength: "exclusion", review: ["K4"] }),
  carriedOver(jp2024_06, "prostate_staging_known", { strength: "information" }),
  carriedOver(jp2024_06, "hcc_size", { strength: "tier", resolve: "hcc_advanced_care" }),
  {
    // NOTE: K5 — decompensated liver excludes when the liver is irradiated; the class is computed from the
    // laboratory values when all five items are given.
    id: "liver_function",
    appliesTo: ["hcc", "icc", "metastasis"],
    applicable: { kind: "liver_irradiated" },
    group: "indication",
    strength: "exclusion",
    rule: { kind: "liver_function" },
    sources: [s.insuranceList, s.gunma, s.childPugh, s.albi],
    supersedes: ["child_pugh"],
    review: ["K5"],
  },
  {
    id: "liver_ascites",
    appliesTo: ["hcc", "icc", "metastasis"],
    applicable: { kind: "liver_irradiated" },
    group: "indication",
    strength: "exclusion",
    rule: { kind: "ascites", present: "not_met" },
    sources: [s.insuranceList, s.gunma],
    supersedes: ["ascites"],
    review: ["K5"],
  },
  // NOTE: 腹水を伴わない is an insurance condition for pancreas, not a safety rule: the tier drops.
  insuranceCondition({
    id: "pancreas_ascites",
    appliesTo: ["pancreas"],
    rule: { kind: "ascites", present: "flag" },
    resolve: "pancreas_ascites",
    sources: [s.insuranceList],
    supersedes: ["ascites"],
  }),
  // NOTE: the insured item is local recurrence after surgery (術後局所再発); a primary tumour drops the tier.
  insuranceCondition({
    id: "colorectal_after_surgery",
    appliesTo: ["colorectal_recurrence"],
    rule: { kind: "choice", field: "diagnosis.status", statuses: { recurrent: "met", primary: "flag" } },
    resolve: "colorectal_primary",
    sources: [s.insuranceList],
    supersedes: ["colorectal_local_recurrence"],
  }),
  carriedOver(jp2024_06, "anastomotic_recurrence", { strength: "exclusion" }),
  {
    // NOTE: K7 — FIGO 2018 with sub-stages; IB3 is commonly counted as locally advanced (a flag).
    id: "cervix_adeno_stage",
    appliesTo: ["cervix_adeno"],
    group: "indication",
    strength: "tier",
    rule: { kind: "cervix_adeno_figo" },
    resolve: "cervix_stage",
    sources: [s.insuranceList, s.figo2018],
    supersedes: ["cervix_stage"],
    review: ["K7", "P2"],
  },
  // NOTE: 局所進行性子宮頸部扁平上皮癌（長径6センチメートル以上のものに限る）: below 60 mm the tier drops.
  insuranceCondition({
    id: "cervix_scc_diameter",
    appliesTo: ["cervix_scc"],
    rule: { kind: "minimum", field: "diagnosis.maxDiameterMm", min: 60, unit: "mm", below: "flag" },
    resolve: "cervix_scc_small",
    sources: [s.insuranceList],
    supersedes: ["cervix_scc_size"],
  }),
  {
    // NOTE: K7 — stage I–IIA by the TNM edition in force (TNM 9 from 2025-01-01: T1 N1 M0 is IIA).
    id: "lung_early_stage",
    appliesTo: ["lung"],
    group: "indication",
    strength: "tier",
    rule: { kind: "lung_stage", upTo: "IIA" },
    coverageOnFlag: "jp_advanced_care",
    resolve: "lung_advanced_care",
    sources: [s.insuranceList, s.iaslc9, s.qstForDoctors],
    supersedes: ["lung_stage"],
    review: ["K7", "K1"],
  },
  carriedOver(jp2024_06, "esophagus_stage", { strength: "tier", resolve: "esophagus_beyond_i" }),
  {
    // NOTE: K4 — 限局性 (sarcoma), 局所 (colorectal), 局所進行性 (pancreas): metastatic disease loses the insured tier.
    id: "localised_disease",
    appliesTo: ["bone_soft_tissue", "colorectal_recurrence", "pancreas"],
    group: "indication",
    strength: "tier",
    rule: { kind: "localised_disease" },
    coverageOnFlag: "case_by_case",
    resolve: "metastatic_not_insured",
    sources: [s.insuranceList],
    review: ["K4"],
  },

  // ── General criteria ─────────────────────────────────────────────────────────────────────────────────────────
  carriedOver(jp2024_06, "histology_confirmed", { strength: "flag", resolve: "pathology" }),
  carriedOver(jp2024_06, "solid_tumour", { strength: "exclusion" }),
  {
    // NOTE: K4 — counted by organ (HIMAK: 3 or more sites); prostate excludes any metastasis.
    id: "metastatic_organs",
    appliesTo: "all",
    group: "general",
    strength: "exclusion",
    rule: {
      kind: "metastatic_organs",
      maxOrgans: 2,
      m0Required: ["prostate"],
      oligometastasisIndications: ["metastasis"],
    },
    resolve: "oligometastasis",
    sources: [s.himak, s.cnao, s.insuranceList],
    supersedes: ["distant_metastasis"],
    review: ["K4"],
  },
  {
    id: "metastatic_lesions",
    appliesTo: "all",
    group: "general",
    strength: "flag",
    rule: { kind: "metastatic_lesions", maxLesions: 5 },
    resolve: "many_lesions",
    sources: [s.cnao],
    review: ["K4"],
  },
  // NOTE: K2 — no diameter for prostate: the whole gland is the target.
  carriedOver(jp2024_06, "tumour_size", {
    notApplicableTo: ["prostate"],
    strength: "flag",
    resolve: "large_tumour",
    review: ["K2"],
  }),
  // NOTE: K2 — an oesophageal cancer starts in the GI tract; invasion of it is no exclusion there.
  carriedOver(jp2024_06, "gi_tract_invasion", {
    notApplicableTo: ["esophagus"],
    strength: "exclusion",
    review: ["K2"],
  }),
  // NOTE: K2 — the rectum always abuts the prostate (a spacer is routine); the oesophagus is the GI tract.
  carriedOver(jp2024_06, "gi_tract_abutment", {
    notApplicableTo: ["esophagus", "prostate"],
    strength: "flag",
    resolve: "spacer",
    review: ["K2"],
  }),
  carriedOver(jp2024_06, "spinal_cord_invasion", { strength: "exclusion" }),
  {
    // NOTE: K3 — re-irradiation is a flag whatever the interval (CNAO: from 6 months; HIMAK: never-irradiated only).
    id: "reirradiation",
    appliesTo: "all",
    group: "general",
    strength: "flag",
    rule: { kind: "reirradiation", months: 6 },
    resolve: "radiotherapy_history",
    sources: [s.cnao, s.himak],
    supersedes: ["prior_radiotherapy"],
    review: ["K3"],
  },
  carriedOver(jp2024_06, "performance_status", { strength: "exclusion" }),
  carriedOver(jp2024_06, "positioning", { strength: "exclusion" }),
  carriedOver(jp2024_06, "infection", { strength: "flag", resolve: "infection" }),
  carriedOver(jp2024_06, "metal_implant", { strength: "flag", resolve: "metal_implant" }),
  carriedOver(jp2024_06, "cardiac_device", { strength: "flag", resolve: "cardiology" }),
  {
    // NOTE: K2 — asked only of a patient who is female or of unknown sex and aged 12–55 on the referral date.
    // No carbon-specific rule was found [U]: a flag, with no source cited.
    id: "pregnancy",
    appliesTo: "all",
    notApplicableTo: ["prostate"],
    applicable: { kind: "could_be_pregnant", minAge: 12, maxAge: 55 },
    group: "general",
    strength: "flag",
    rule: { kind: "boolean", field: "clinical.pregnant", onTrue: "flag", onFalse: "met" },
    resolve: "pregnancy",
    sources: [],
    review: ["K2"],
  },

  // ── Consistency (K8): a disagreement is a flag, never an exclusion ───────────────────────────────────────────
  consistencyCheck("stage", { resolve: "check_stage", sources: [s.iaslc9, s.figo2018], review: ["K8"] }),
  consistencyCheck("metastasis", { resolve: "check_metastasis", sources: [s.iaslc9], review: ["K8", "K4"] }),
  consistencyCheck("nodes", { resolve: "check_nodes", sources: [s.iaslc9, s.figo2018], review: ["K8"] }),
  consistencyCheck("child_pugh", {
    appliesTo: ["hcc", "icc", "metastasis"],
    applicable: { kind: "liver_irradiated" },
    resolve: "check_child_pugh",
    sources: [s.childPugh],
    review: ["K8", "K5"],
  }),
  {
    id: "imaging_recent",
    appliesTo: "all",
    group: "consistency",
    strength: "flag",
    rule: { kind: "imaging_recent", months: 3 },
    resolve: "update_imaging",
    sources: [s.qstForDoctors],
    review: ["K8"],
  },
];

export const kq2026_12: RuleSet = {
  version: "kq-2026-12",
  effectiveFrom: "2024-06-01",
  reviewDueOn: "2026-06-01",
  publishedOn: "2026-12-06",
  replaces: "jp-2024-06",
  indications,
  criteria,
};
