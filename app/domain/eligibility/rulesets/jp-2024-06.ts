// Rule set jp-2024-06: the Japanese national insurance list for carbon-ion radiotherapy as revised in June 2024,
// QST's advanced-care indications, and the general criteria Japanese and European centres publish.
// Data only: evaluate.ts interprets each rule kind. The facts and their sources are shared/domain/eligibility.md;
// every reading of an unclear point is recorded in docs/decisions/0003-screen-rules-as-data.md.
import type { Indication } from "../../case/schema";
import type { CriterionDef, IndicationRule, RuleSet } from "../types";

/** Published sources (eligibility.md, "Sources"). */
export const sources = {
  // NOTE: the notice table of the 2024 revision lists each insured indication with its conditions.
  insuranceList: "https://knowlety.jp/ika/r6-tsb11_4/",
  qstList: "https://hospital.qst.go.jp/radiotherapy/carbonion.html",
  jastro2022: "https://www.jastro.or.jp/medicalpersonnel/particle_beam/2022/07/post-10.html",
  qstForDoctors: "https://www.nirs.qst.go.jp/hospital/radiotherapy/explanation/doctor01.php",
  qstCosts: "https://www.nirs.qst.go.jp/hospital/patients/cost.php",
  qstAbroad: "https://www.nirs.qst.go.jp/hospital/abroad/",
  gunma: "https://heavy-ion.showa.gunma-u.ac.jp/en/page.php?id=31",
  gunmaProstate: "http://heavy-ion.showa.gunma-u.ac.jp/page.php?id=9",
  himak: "https://osaka-himak.or.jp/en/concern",
  himakFaq: "http://www.osaka-himak.or.jp/en/faq/?id=faq01",
  cnao: "https://fondazionecnao.it/en/access-to-treatment/select-pathology",
  cardiacDevices: "https://frontiersin.org/article/10.3389/fonc.2019.00798/full",
  ecog: "https://acori-glossary.accc-cancer.org/definition/eastern-cooperative-oncology-group-performance-status",
} as const;

const s = sources;
const insured = (since: string): IndicationRule => ({
  programme: "insurance",
  since,
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
  lung: insured("2024-06-01"),
  cervix_scc: insured("2024-06-01"),
  gyn_melanoma: insured("2024-06-01"),
  esophagus: advancedCare,
  renal_cell: advancedCare,
  metastasis: advancedCare,
  other: { programme: "case_by_case", sources: [s.qstForDoctors] },
};

/** Indications without the "surgery difficult" condition (eligibility.md: prostate and head & neck). */
const noResectabilityCondition: Indication[] = ["prostate", "head_neck"];

const criteria: CriterionDef[] = [
  // ── The indication and its own inclusion rules ──────────────────────────────────────────────────────────────
  {
    id: "indication_listed",
    appliesTo: "all",
    group: "indication",
    rule: { kind: "indication_listed" },
    sources: [s.insuranceList, s.qstList, s.qstForDoctors],
  },
  {
    // NOTE: insured only where curative surgery is difficult or declined on medical grounds; `other` tumours are
    // case by case, so a resectable one is for a clinician to weigh rather than excluded.
    id: "resectability",
    appliesTo: "all",
    except: noResectabilityCondition,
    group: "indication",
    rule: {
      kind: "choice",
      field: "diagnosis.resectable",
      statuses: { no: "met", yes: "not_met" },
      byIndication: { other: { no: "met", yes: "flag" } },
    },
    sources: [s.insuranceList, s.jastro2022],
  },
  {
    // NOTE: 頭頸部悪性腫瘍（口腔・咽喉頭の扁平上皮癌を除く）.
    id: "head_neck_scc_excluded",
    appliesTo: ["head_neck"],
    group: "indication",
    rule: {
      kind: "histology_at_subsite",
      histology: "squamous_cell_carcinoma",
      subsites: ["oral_cavity", "pharynx", "larynx"],
    },
    sources: [s.insuranceList],
  },
  {
    // NOTE: prostate cancer without metastasis (N0 M0); M is checked by distant_metastasis.
    id: "prostate_nodes",
    appliesTo: ["prostate"],
    group: "indication",
    rule: { kind: "node_negative" },
    sources: [s.insuranceList, s.gunmaProstate],
  },
  {
    id: "prostate_staging_known",
    appliesTo: ["prostate"],
    group: "indication",
    rule: { kind: "known", fields: ["diagnosis.tnm.t", "diagnosis.gleasonScore", "diagnosis.psaNgMl"] },
    sources: [s.gunmaProstate, s.qstForDoctors],
  },
  {
    // NOTE: insured from 40 mm; smaller HCC is QST advanced care, never an exclusion on that ground.
    id: "hcc_size",
    appliesTo: ["hcc"],
    group: "indication",
    rule: { kind: "minimum", field: "diagnosis.maxDiameterMm", min: 40, unit: "mm", below: "flag" },
    coverageOnFlag: "jp_advanced_care",
    sources: [s.insuranceList, s.qstForDoctors],
  },
  {
    id: "child_pugh",
    appliesTo: ["hcc"],
    group: "indication",
    rule: { kind: "choice", field: "diagnosis.childPugh", statuses: { A: "met", B: "met", C: "not_met" } },
    sources: [s.insuranceList, s.gunma],
  },
  {
    id: "ascites",
    appliesTo: ["hcc", "pancreas"],
    group: "indication",
    rule: { kind: "boolean", field: "diagnosis.ascites", onTrue: "not_met", onFalse: "met" },
    sources: [s.insuranceList],
  },
  {
    // NOTE: the indication is local recurrence after surgery (術後局所再発); a primary tumour is not on the list.
    id: "colorectal_local_recurrence",
    appliesTo: ["colorectal_recurrence"],
    group: "indication",
    rule: { kind: "choice", field: "diagnosis.status", statuses: { recurrent: "met", primary: "not_met" } },
    sources: [s.insuranceList],
  },
  {
    id: "anastomotic_recurrence",
    appliesTo: ["colorectal_recurrence"],
    group: "indication",
    rule: { kind: "boolean", field: "diagnosis.anastomoticRecurrence", onTrue: "not_met", onFalse: "met" },
    sources: [s.gunma, s.insuranceList],
  },
  {
    id: "cervix_stage",
    appliesTo: ["cervix_adeno"],
    group: "indication",
    rule: { kind: "stage", from: "II", to: "IVA", outside: "not_met" },
    sources: [s.insuranceList],
  },
  {
    // NOTE: 局所進行性子宮頸部扁平上皮癌（長径6センチメートル以上のものに限る）.
    id: "cervix_scc_size",
    appliesTo: ["cervix_scc"],
    group: "indication",
    rule: { kind: "minimum", field: "diagnosis.maxDiameterMm", min: 60, unit: "mm", below: "not_met" },
    sources: [s.insuranceList],
  },
  {
    // NOTE: early-stage lung cancer is insured (stage I–IIA); beyond IIA QST treats it as advanced care.
    // The TNM reading (node-negative, ≤ 50 mm) is unconfirmed [U], so it only ever yields met or a flag.
    id: "lung_stage",
    appliesTo: ["lung"],
    group: "indication",
    rule: { kind: "stage", from: "I", to: "IIA", outside: "flag", derive: "lung" },
    coverageOnFlag: "jp_advanced_care",
    sources: [s.insuranceList, s.qstForDoctors],
  },
  {
    // NOTE: QST's advanced care covers stage I oesophageal cancer only; a later stage is case by case.
    id: "esophagus_stage",
    appliesTo: ["esophagus"],
    group: "indication",
    rule: { kind: "stage", from: "I", to: "I", outside: "flag", derive: "esophagus" },
    coverageOnFlag: "case_by_case",
    sources: [s.qstForDoctors],
  },

  // ── General criteria (all indications) ──────────────────────────────────────────────────────────────────────
  {
    // NOTE: HCC is often diagnosed on imaging alone, so an unconfirmed diagnosis is a flag, not an exclusion.
    id: "histology_confirmed",
    appliesTo: "all",
    group: "general",
    rule: { kind: "boolean", field: "diagnosis.histologicallyConfirmed", onTrue: "met", onFalse: "flag" },
    sources: [s.qstForDoctors, s.himak],
  },
  {
    id: "solid_tumour",
    appliesTo: "all",
    group: "general",
    rule: { kind: "boolean", field: "diagnosis.haematological", onTrue: "not_met", onFalse: "met" },
    sources: [s.qstForDoctors],
  },
  {
    // NOTE: ≥ 3 metastatic sites (HIMAK), peritoneal or meningeal spread (CNAO) exclude; M0 is required where the
    // insured indication says "without metastasis" (prostate, pancreas).
    id: "distant_metastasis",
    appliesTo: "all",
    group: "general",
    rule: {
      kind: "distant_metastasis",
      m0Required: ["prostate", "pancreas"],
      oligometastasisIndications: ["metastasis"],
      oligometastasisMaxSites: 2,
    },
    sources: [s.himak, s.cnao, s.insuranceList],
  },
  {
    // NOTE: Gunma's practice (≤ 12 cm), not law: a larger tumour is a flag.
    id: "tumour_size",
    appliesTo: "all",
    group: "general",
    rule: { kind: "maximum", field: "diagnosis.maxDiameterMm", max: 120, unit: "mm", above: "flag" },
    sources: [s.gunma],
  },
  {
    id: "gi_tract_invasion",
    appliesTo: "all",
    group: "general",
    rule: { kind: "boolean", field: "diagnosis.invadesGiTract", onTrue: "not_met", onFalse: "met" },
    sources: [s.gunma, s.insuranceList],
  },
  {
    // NOTE: a tumour abutting the bowel may still be treated once a spacer is placed: a flag.
    id: "gi_tract_abutment",
    appliesTo: "all",
    group: "general",
    rule: { kind: "boolean", field: "diagnosis.abutsGiTract", onTrue: "flag", onFalse: "met" },
    sources: [s.gunma],
  },
  {
    id: "spinal_cord_invasion",
    appliesTo: "all",
    group: "general",
    rule: { kind: "boolean", field: "diagnosis.invadesSpinalCord", onTrue: "not_met", onFalse: "met" },
    sources: [s.gunma],
  },
  {
    // NOTE: re-irradiation is case by case; within 6 months of the last course to the same site it is excluded.
    id: "prior_radiotherapy",
    appliesTo: "all",
    group: "general",
    rule: { kind: "prior_radiotherapy", minMonthsSinceSameSite: 6 },
    sources: [s.himak, s.cnao],
  },
  {
    id: "performance_status",
    appliesTo: "all",
    group: "general",
    rule: { kind: "range", field: "clinical.ecog", min: 0, max: 2, outside: "not_met" },
    sources: [s.himak, s.ecog],
  },
  {
    id: "positioning",
    appliesTo: "all",
    group: "general",
    rule: { kind: "boolean", field: "clinical.canLieStill30Min", onTrue: "met", onFalse: "not_met" },
    sources: [s.himak, s.himakFaq],
  },
  {
    id: "infection",
    appliesTo: "all",
    group: "general",
    rule: { kind: "boolean", field: "clinical.activeInfectionInField", onTrue: "flag", onFalse: "met" },
    sources: [s.himak],
  },
  {
    id: "metal_implant",
    appliesTo: "all",
    group: "general",
    rule: { kind: "boolean", field: "clinical.metalImplantInField", onTrue: "flag", onFalse: "met" },
    sources: [s.gunma],
  },
  {
    // NOTE: treated safely with cardiology review: a flag, never an exclusion.
    id: "cardiac_device",
    appliesTo: "all",
    group: "general",
    rule: { kind: "boolean", field: "clinical.cardiacDevice", onTrue: "flag", onFalse: "met" },
    sources: [s.cardiacDevices],
  },
  {
    // NOTE: no carbon-specific rule was found [U], so no source is cited: a flag. A patient with prostate cancer
    // cannot be pregnant, so the question is not asked there.
    id: "pregnancy",
    appliesTo: "all",
    except: ["prostate"],
    group: "general",
    rule: { kind: "boolean", field: "clinical.pregnant", onTrue: "flag", onFalse: "met" },
    sources: [],
  },
];

// NOTE: kq-2026-12 corrects this set and replaces it for every new screen (eligibility.md, K10); it stays, unchanged,
// for the decisions stored under it.
export const jp2024_06: RuleSet = {
  version: "jp-2024-06",
  effectiveFrom: "2024-06-01",
  reviewDueOn: "2026-06-01",
  publishedOn: "2026-11-26",
  indications,
  criteria,
};
