// Rule set kq-2026-12: the clinical review of jp-2024-06 (shared/domain/eligibility.md, "Rule set kq-2026-12").
// It reads the same June 2024 insurance notice, corrected: an insurance condition decides the funding tier, a
// centre's practice a flag, and only a safety contraindication excludes. Data only: basic-kinds.ts and
// clinical-kinds.ts interpret each rule kind; the readings of the sources are in docs/decisions/0014.
import type { Indication } from "../../case/schema";
import type { CriterionDef, IndicationRule, RuleSet } from "../types";
import { sources as jpSources } from "./jp-2024-06";

export const sources = {
  ...jpSources,
  iaslc9: "https://doi.org/10.1016/j.jtho.2024.02.011",
  figo2018: "https://doi.org/10.1002/ijgo.12749",
  childPugh: "https://doi.org/10.1002/bjs.1800600817",
  albi: "https://doi.org/10.1200/JCO.2014.57.9151",
  whoNasopharynx: "https://publications.iarc.fr/Book-And-Report-Series/Who-Classification-Of-Tumours/Head-And-Neck-Tumours-2024",
  icdO3: "https://www.who.int/standards/classifications/other-classifications/international-classification-of-diseases-for-oncology",
} as const;

const s = sources;
const insured = (since: string, fallsTo: IndicationRule["fallsTo"] = "case_by_case"): IndicationRule => ({
  programme: "insurance",
  since,
  fallsTo,
  sources: [s.insuranceList, s.qstList],
});
const advancedCare: IndicationRule = { programme: "advanced_care", sources: [s.qstForDoctors, s.qstCosts] };

const indications: Record<Indication, IndicationRule> = {
  bone_soft_tissue: insured("2016-04-01"),
  head_neck: insured("2018-04-01"),
  prostate: insured("2018-04-01"),
  hcc: insured("2022-04-01"),
  icc: insured("2022-04-01"),
  pancreas: insured("2022-04-01"),
  colorectal_recurrence: insured("2022-04-01"),
  cervix_adeno: insured("2022-04-01"),
  // NOTE: K1 — QST lists non-insured early non-small-cell lung cancer (operable, surgery declined) for advanced care.
  lung: insured("2024-06-01", "jp_advanced_care"),
  cervix_scc: insured("2024-06-01"),
  gyn_melanoma: insured("2024-06-01"),
  esophagus: advancedCare,
  renal_cell: advancedCare,
  metastasis: advancedCare,
  other: { programme: "case_by_case", sources: [s.qstForDoctors] },
};

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
  },
  {
    // NOTE: K6 — 頭頸部悪性腫瘍（口腔・咽喉頭の扁平上皮癌を除く）, recognised by histology, ICD-O-3 or ICD-10 C11.
    id: "head_neck_squamous",
    appliesTo: ["head_neck"],
    group: "indication",
    strength: "exclusion",
    rule: { kind: "head_neck_squamous", subsites: ["oral_cavity", "pharynx", "larynx"] },
    sources: [s.insuranceList, s.whoNasopharynx, s.icdO3],
  },
  {
    // NOTE: 前立腺癌（転移を有するものを除く）: a lymph-node metastasis is a metastasis.
    id: "prostate_nodes",
    appliesTo: ["prostate"],
    group: "indication",
    strength: "exclusion",
    rule: { kind: "node_negative" },
    sources: [s.insuranceList, s.gunmaProstate],
  },
  {
    id: "prostate_staging_known",
    appliesTo: ["prostate"],
    group: "indication",
    strength: "information",
    rule: { kind: "known", fields: ["diagnosis.tnm.t", "diagnosis.gleasonScore", "diagnosis.psaNgMl"] },
    sources: [s.gunmaProstate, s.qstForDoctors],
  },
  {
    id: "hcc_size",
    appliesTo: ["hcc"],
    group: "indication",
    strength: "tier",
    rule: { kind: "minimum", field: "diagnosis.maxDiameterMm", min: 40, unit: "mm", below: "flag" },
    coverageOnFlag: "jp_advanced_care",
    resolve: "hcc_advanced_care",
    sources: [s.insuranceList, s.qstForDoctors],
  },
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
  },
  {
    id: "liver_ascites",
    appliesTo: ["hcc", "icc", "metastasis"],
    applicable: { kind: "liver_irradiated" },
    group: "indication",
    strength: "exclusion",
    rule: { kind: "ascites", present: "not_met" },
    sources: [s.insuranceList, s.gunma],
  },
  {
    // NOTE: 腹水を伴わない is an insurance condition for pancreas, not a safety rule: the tier drops.
    id: "pancreas_ascites",
    appliesTo: ["pancreas"],
    group: "indication",
    strength: "tier",
    rule: { kind: "ascites", present: "flag" },
    coverageOnFlag: "falls_through",
    resolve: "pancreas_ascites",
    sources: [s.insuranceList],
  },
  {
    // NOTE: the insured item is local recurrence after surgery (術後局所再発); a primary tumour drops the tier.
    id: "colorectal_after_surgery",
    appliesTo: ["colorectal_recurrence"],
    group: "indication",
    strength: "tier",
    rule: { kind: "choice", field: "diagnosis.status", statuses: { recurrent: "met", primary: "flag" } },
    coverageOnFlag: "falls_through",
    resolve: "colorectal_primary",
    sources: [s.insuranceList],
  },
  {
    id: "anastomotic_recurrence",
    appliesTo: ["colorectal_recurrence"],
    group: "indication",
    strength: "exclusion",
    rule: { kind: "boolean", field: "diagnosis.anastomoticRecurrence", onTrue: "not_met", onFalse: "met" },
    sources: [s.gunma, s.insuranceList],
  },
  {
    // NOTE: K7 — FIGO 2018 with sub-stages; IB3 is commonly counted as locally advanced (a flag).
    id: "cervix_adeno_stage",
    appliesTo: ["cervix_adeno"],
    group: "indication",
    strength: "tier",
    rule: { kind: "cervix_adeno_figo" },
    resolve: "cervix_stage",
    sources: [s.insuranceList, s.figo2018],
  },
  {
    // NOTE: 局所進行性子宮頸部扁平上皮癌（長径6センチメートル以上のものに限る）: below 60 mm the tier drops.
    id: "cervix_scc_diameter",
    appliesTo: ["cervix_scc"],
    group: "indication",
    strength: "tier",
    rule: { kind: "minimum", field: "diagnosis.maxDiameterMm", min: 60, unit: "mm", below: "flag" },
    coverageOnFlag: "falls_through",
    resolve: "cervix_scc_small",
    sources: [s.insuranceList],
  },
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
  },
  {
    id: "esophagus_stage",
    appliesTo: ["esophagus"],
    group: "indication",
    strength: "tier",
    rule: { kind: "stage", from: "I", to: "I", outside: "flag", derive: "esophagus" },
    coverageOnFlag: "case_by_case",
    resolve: "esophagus_beyond_i",
    sources: [s.qstForDoctors],
  },
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
  },

  // ── General criteria ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: "histology_confirmed",
    appliesTo: "all",
    group: "general",
    strength: "flag",
    rule: { kind: "boolean", field: "diagnosis.histologicallyConfirmed", onTrue: "met", onFalse: "flag" },
    resolve: "pathology",
    sources: [s.qstForDoctors, s.himak],
  },
  {
    id: "solid_tumour",
    appliesTo: "all",
    group: "general",
    strength: "exclusion",
    rule: { kind: "boolean", field: "diagnosis.haematological", onTrue: "not_met", onFalse: "met" },
    sources: [s.qstForDoctors],
  },
  {
    // NOTE: K4 — counted by organ (HIMAK: 3 or more sites); prostate excludes any metastasis.
    id: "metastatic_organs",
    appliesTo: "all",
    group: "general",
    strength: "exclusion",
    rule: { kind: "metastatic_organs", maxOrgans: 2, m0Required: ["prostate"], oligometastasisIndications: ["metastasis"] },
    resolve: "oligometastasis",
    sources: [s.himak, s.cnao, s.insuranceList],
  },
  {
    id: "metastatic_lesions",
    appliesTo: "all",
    group: "general",
    strength: "flag",
    rule: { kind: "metastatic_lesions", maxLesions: 5 },
    resolve: "many_lesions",
    sources: [s.cnao],
  },
  {
    // NOTE: K2 — no diameter for prostate: the whole gland is the target.
    id: "tumour_size",
    appliesTo: "all",
    notApplicableTo: ["prostate"],
    group: "general",
    strength: "flag",
    rule: { kind: "maximum", field: "diagnosis.maxDiameterMm", max: 120, unit: "mm", above: "flag" },
    resolve: "large_tumour",
    sources: [s.gunma],
  },
  {
    // NOTE: K2 — an oesophageal cancer starts in the GI tract; invasion of it is no exclusion there.
    id: "gi_tract_invasion",
    appliesTo: "all",
    notApplicableTo: ["esophagus"],
    group: "general",
    strength: "exclusion",
    rule: { kind: "boolean", field: "diagnosis.invadesGiTract", onTrue: "not_met", onFalse: "met" },
    sources: [s.gunma, s.insuranceList],
  },
  {
    // NOTE: K2 — the rectum always abuts the prostate (a spacer is routine); the oesophagus is the GI tract.
    id: "gi_tract_abutment",
    appliesTo: "all",
    notApplicableTo: ["esophagus", "prostate"],
    group: "general",
    strength: "flag",
    rule: { kind: "boolean", field: "diagnosis.abutsGiTract", onTrue: "flag", onFalse: "met" },
    resolve: "spacer",
    sources: [s.gunma],
  },
  {
    id: "spinal_cord_invasion",
    appliesTo: "all",
    group: "general",
    strength: "exclusion",
    rule: { kind: "boolean", field: "diagnosis.invadesSpinalCord", onTrue: "not_met", onFalse: "met" },
    sources: [s.gunma],
  },
  {
    // NOTE: K3 — re-irradiation is a flag whatever the interval (CNAO: from 6 months; HIMAK: never-irradiated only).
    id: "reirradiation",
    appliesTo: "all",
    group: "general",
    strength: "flag",
    rule: { kind: "reirradiation", months: 6 },
    resolve: "radiotherapy_history",
    sources: [s.cnao, s.himak],
  },
  {
    id: "performance_status",
    appliesTo: "all",
    group: "general",
    strength: "exclusion",
    rule: { kind: "range", field: "clinical.ecog", min: 0, max: 2, outside: "not_met" },
    sources: [s.himak, s.ecog],
  },
  {
    id: "positioning",
    appliesTo: "all",
    group: "general",
    strength: "exclusion",
    rule: { kind: "boolean", field: "clinical.canLieStill30Min", onTrue: "met", onFalse: "not_met" },
    sources: [s.himak, s.himakFaq],
  },
  {
    id: "infection",
    appliesTo: "all",
    group: "general",
    strength: "flag",
    rule: { kind: "boolean", field: "clinical.activeInfectionInField", onTrue: "flag", onFalse: "met" },
    resolve: "infection",
    sources: [s.himak],
  },
  {
    id: "metal_implant",
    appliesTo: "all",
    group: "general",
    strength: "flag",
    rule: { kind: "boolean", field: "clinical.metalImplantInField", onTrue: "flag", onFalse: "met" },
    resolve: "metal_implant",
    sources: [s.gunma],
  },
  {
    id: "cardiac_device",
    appliesTo: "all",
    group: "general",
    strength: "flag",
    rule: { kind: "boolean", field: "clinical.cardiacDevice", onTrue: "flag", onFalse: "met" },
    resolve: "cardiology",
    sources: [s.cardiacDevices],
  },
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
  },

  // ── Consistency (K8): a disagreement is a flag, never an exclusion ───────────────────────────────────────────
  {
    id: "consistency_stage",
    appliesTo: "all",
    group: "consistency",
    strength: "flag",
    rule: { kind: "consistency", check: "stage" },
    resolve: "check_stage",
    sources: [s.iaslc9, s.figo2018],
  },
  {
    id: "consistency_metastasis",
    appliesTo: "all",
    group: "consistency",
    strength: "flag",
    rule: { kind: "consistency", check: "metastasis" },
    resolve: "check_metastasis",
    sources: [s.iaslc9],
  },
  {
    id: "consistency_nodes",
    appliesTo: "all",
    group: "consistency",
    strength: "flag",
    rule: { kind: "consistency", check: "nodes" },
    resolve: "check_nodes",
    sources: [s.iaslc9, s.figo2018],
  },
  {
    id: "consistency_child_pugh",
    appliesTo: ["hcc", "icc", "metastasis"],
    applicable: { kind: "liver_irradiated" },
    group: "consistency",
    strength: "flag",
    rule: { kind: "consistency", check: "child_pugh" },
    resolve: "check_child_pugh",
    sources: [s.childPugh],
  },
  {
    id: "imaging_recent",
    appliesTo: "all",
    group: "consistency",
    strength: "flag",
    rule: { kind: "imaging_recent", months: 3 },
    resolve: "update_imaging",
    sources: [s.qstForDoctors],
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
