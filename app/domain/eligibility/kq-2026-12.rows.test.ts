// Rule set kq-2026-12 row by row (K1–K8): each row changes the base case and names the status it gives.
import { describe, expect, it } from "vitest";
import { baseCase, withFields } from "../case/fixtures";
import { type Indication, type ScreenCase } from "../case/schema";
import { evaluate } from "./evaluate";
import { kq2026_12 } from "./rulesets/kq-2026-12";
import type { Coverage, CriterionStatus, Outcome } from "./types";

const kq = (c: ScreenCase) => evaluate(c, kq2026_12);
const result = (c: ScreenCase, id: string) => kq(c).criteria.find((r) => r.id === id);

type Row = {
  name: string;
  indication: Indication;
  set: Record<string, unknown>;
  id: string;
  status: CriterionStatus;
  outcome?: Outcome;
  coverage?: Coverage;
};

const rows: Row[] = [
  // K1: surgery possible drops the tier; early lung falls to advanced care, others to case by case.
  {
    name: "operable early lung",
    indication: "lung",
    set: { "diagnosis.resectable": "yes" },
    id: "surgery_difficult",
    status: "flag",
    outcome: "needs_review",
    coverage: "jp_advanced_care",
  },
  {
    name: "operable pancreas",
    indication: "pancreas",
    set: { "diagnosis.resectable": "yes" },
    id: "surgery_difficult",
    status: "flag",
    outcome: "needs_review",
    coverage: "case_by_case",
  },
  {
    name: "operable oesophagus (advanced care)",
    indication: "esophagus",
    set: { "diagnosis.resectable": "yes" },
    id: "surgery_difficult",
    status: "flag",
    coverage: "case_by_case",
  },
  // K2: per-indication applicability.
  {
    name: "oesophagus invading the GI tract",
    indication: "esophagus",
    set: { "diagnosis.invadesGiTract": true, "diagnosis.abutsGiTract": true },
    id: "gi_tract_invasion",
    status: "not_applicable",
    coverage: "jp_advanced_care",
  },
  {
    name: "prostate without a diameter",
    indication: "prostate",
    set: { "diagnosis.maxDiameterMm": undefined, "diagnosis.abutsGiTract": true },
    id: "tumour_size",
    status: "not_applicable",
    outcome: "likely_eligible",
  },
  {
    name: "pregnancy not asked of a man",
    indication: "lung",
    set: { "patient.sex": "male", "clinical.pregnant": undefined },
    id: "pregnancy",
    status: "not_applicable",
    outcome: "likely_eligible",
  },
  {
    name: "pregnancy not asked at 70",
    indication: "lung",
    set: { "patient.birthDate": "1956-01-01", "clinical.pregnant": undefined },
    id: "pregnancy",
    status: "not_applicable",
  },
  {
    name: "pregnancy asked at 40",
    indication: "lung",
    set: { "patient.birthDate": "1986-01-01", "clinical.pregnant": undefined },
    id: "pregnancy",
    status: "unknown",
  },
  {
    name: "pregnancy asked of unknown sex and age",
    indication: "lung",
    set: { "patient.sex": "unknown", "clinical.pregnant": true },
    id: "pregnancy",
    status: "flag",
  },
  // K3: re-irradiation is a dated flag, never an exclusion.
  {
    name: "same site 5 months 3 weeks ago",
    indication: "bone_soft_tissue",
    set: { "history.priorRadiotherapy": "same_site", "history.priorRadiotherapyEndedOn": "2026-05-28" },
    id: "reirradiation",
    status: "flag",
    outcome: "needs_review",
    coverage: "jp_insurance",
  },
  {
    name: "other site, overlap unknown",
    indication: "bone_soft_tissue",
    set: { "history.priorRadiotherapy": "other_site" },
    id: "reirradiation",
    status: "flag",
  },
  {
    name: "a course that does not overlap",
    indication: "bone_soft_tissue",
    set: {
      "history.priorRadiotherapy": undefined,
      "history.radiotherapyCourses": [{ endedOn: "2025-01-10", region: "left breast", overlapsTarget: "no" }],
    },
    id: "reirradiation",
    status: "met",
    outcome: "likely_eligible",
  },
  // K4: metastases by organ.
  {
    name: "three liver lesions are one organ",
    indication: "metastasis",
    set: {
      "diagnosis.metastases": [{ organ: "liver", lesions: 3 }],
      "diagnosis.distantMetastasisSites": 1,
      "diagnosis.childPugh": "A",
      "diagnosis.ascites": false,
    },
    id: "metastatic_organs",
    status: "met",
    outcome: "needs_review",
    coverage: "jp_advanced_care",
  },
  {
    name: "three organs",
    indication: "metastasis",
    set: {
      "diagnosis.metastases": [
        { organ: "liver", lesions: 1 },
        { organ: "lung", lesions: 1 },
        { organ: "bone", lesions: 1 },
      ],
      "diagnosis.distantMetastasisSites": 3,
    },
    id: "metastatic_organs",
    status: "not_met",
    outcome: "not_eligible",
  },
  {
    name: "six lesions",
    indication: "metastasis",
    set: { "diagnosis.metastases": [{ organ: "lung", lesions: 6 }] },
    id: "metastatic_lesions",
    status: "flag",
  },
  {
    name: "metastatic sarcoma loses the insured tier",
    indication: "bone_soft_tissue",
    set: { "diagnosis.metastases": [{ organ: "lung", lesions: 2 }], "diagnosis.distantMetastasisSites": 1 },
    id: "localised_disease",
    status: "flag",
    outcome: "needs_review",
    coverage: "case_by_case",
  },
  {
    name: "metastatic prostate stays excluded",
    indication: "prostate",
    set: { "diagnosis.distantMetastasisSites": 1 },
    id: "metastatic_organs",
    status: "not_met",
    outcome: "not_eligible",
  },
  // K5: liver function.
  {
    name: "ICC with Child-Pugh C",
    indication: "icc",
    set: { "diagnosis.childPugh": "C" },
    id: "liver_function",
    status: "not_met",
    outcome: "not_eligible",
  },
  {
    name: "ICC with ascites",
    indication: "icc",
    set: { "diagnosis.ascites": true },
    id: "liver_ascites",
    status: "not_met",
    outcome: "not_eligible",
  },
  {
    name: "pancreas with ascites is reviewed outside insurance",
    indication: "pancreas",
    set: { "diagnosis.ascites": true },
    id: "pancreas_ascites",
    status: "flag",
    coverage: "case_by_case",
  },
  {
    name: "liver not the target: no liver rules",
    indication: "metastasis",
    set: { "diagnosis.childPugh": "C" },
    id: "liver_function",
    status: "not_applicable",
    outcome: "needs_review",
  },
  {
    name: "class computed from laboratory values",
    indication: "hcc",
    set: {
      "diagnosis.childPugh": undefined,
      "diagnosis.labs": { bilirubinMgDl: 3.5, albuminGDl: 2.5, inr: 2.5 },
      "diagnosis.ascitesGrade": "moderate_severe",
      "diagnosis.ascites": true,
      "clinical.encephalopathyGrade": "grade_1_2",
    },
    id: "liver_function",
    status: "not_met",
  },
  {
    name: "stated class disagrees with the laboratory values",
    indication: "hcc",
    set: {
      "diagnosis.childPugh": "A",
      "diagnosis.labs": { bilirubinMgDl: 2.5, albuminGDl: 3.0, inr: 1.8 },
      "clinical.encephalopathyGrade": "none",
    },
    id: "consistency_child_pugh",
    status: "flag",
  },
  // K6: head and neck squamous cell carcinoma by ICD codes.
  {
    name: "nasopharyngeal carcinoma coded other",
    indication: "head_neck",
    set: { "diagnosis.histology": "other", "diagnosis.subsite": undefined, "diagnosis.icd10": "C11.9" },
    id: "head_neck_squamous",
    status: "not_met",
    outcome: "not_eligible",
  },
  {
    name: "squamous morphology at the larynx",
    indication: "head_neck",
    set: { "diagnosis.histology": "other", "diagnosis.subsite": "larynx", "diagnosis.icdO3Morphology": "8071/3" },
    id: "head_neck_squamous",
    status: "not_met",
  },
  {
    name: "subsite from ICD-10 C32",
    indication: "head_neck",
    set: {
      "diagnosis.histology": "squamous_cell_carcinoma",
      "diagnosis.subsite": undefined,
      "diagnosis.icd10": "C32.0",
    },
    id: "head_neck_squamous",
    status: "not_met",
  },
  {
    name: "sinonasal squamous cell carcinoma is insured",
    indication: "head_neck",
    set: { "diagnosis.histology": "squamous_cell_carcinoma", "diagnosis.subsite": "nasal_sinus" },
    id: "head_neck_squamous",
    status: "met",
    outcome: "likely_eligible",
  },
  // K7: staging editions.
  {
    name: "T1 N1 M0 in 2026 is IIA by TNM 9",
    indication: "lung",
    set: { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T1c", n: "N1", m: "M0" } },
    id: "lung_early_stage",
    status: "met",
    coverage: "jp_insurance",
  },
  {
    name: "T1 N1 M0 in 2024 is IIB by TNM 8",
    indication: "lung",
    set: { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T1c", n: "N1", m: "M0" }, referredOn: "2024-09-01" },
    id: "lung_early_stage",
    status: "flag",
    coverage: "jp_advanced_care",
  },
  {
    name: "FIGO IB3 adenocarcinoma",
    indication: "cervix_adeno",
    set: { "diagnosis.stage": "IB3" },
    id: "cervix_adeno_stage",
    status: "flag",
    outcome: "needs_review",
    coverage: "jp_insurance",
  },
  {
    name: "FIGO IIIC1r adenocarcinoma",
    indication: "cervix_adeno",
    set: { "diagnosis.stage": "IIIC1r", "diagnosis.tnm": { n: "N1" } },
    id: "cervix_adeno_stage",
    status: "met",
    outcome: "likely_eligible",
  },
  {
    name: "FIGO IB1 adenocarcinoma is reviewed outside insurance",
    indication: "cervix_adeno",
    set: { "diagnosis.stage": "IB1" },
    id: "cervix_adeno_stage",
    status: "flag",
    coverage: "case_by_case",
  },
  {
    name: "cervical SCC below 60 mm",
    indication: "cervix_scc",
    set: { "diagnosis.maxDiameterMm": 45 },
    id: "cervix_scc_diameter",
    status: "flag",
    outcome: "needs_review",
    coverage: "case_by_case",
  },
  {
    name: "a primary colorectal tumour",
    indication: "colorectal_recurrence",
    set: { "diagnosis.status": "primary" },
    id: "colorectal_after_surgery",
    status: "flag",
    coverage: "case_by_case",
  },
  // K8: consistency.
  {
    name: "stage IA with N2",
    indication: "lung",
    set: { "diagnosis.stage": "IA", "diagnosis.tnm": { n: "N2", m: "M0" } },
    id: "consistency_nodes",
    status: "flag",
    outcome: "needs_review",
  },
  {
    name: "stated stage disagrees with T, N and M",
    indication: "lung",
    set: { "diagnosis.stage": "IA2", "diagnosis.tnm": { t: "T2b", n: "N0", m: "M0", edition: "UICC8" } },
    id: "consistency_stage",
    status: "flag",
  },
  {
    name: "a less specific stage agrees",
    indication: "lung",
    set: { "diagnosis.stage": "IA", "diagnosis.tnm": { t: "T1b", n: "N0", m: "M0", edition: "UICC8" } },
    id: "consistency_stage",
    status: "met",
  },
  {
    name: "M0 with a metastatic organ",
    indication: "hcc",
    set: { "diagnosis.distantMetastasisSites": 1, "diagnosis.tnm": { m: "M0" } },
    id: "consistency_metastasis",
    status: "flag",
  },
  {
    name: "imaging older than 3 months",
    indication: "hcc",
    set: { "diagnosis.imagingDate": "2026-08-19" },
    id: "imaging_recent",
    status: "flag",
    outcome: "needs_review",
    coverage: "jp_insurance",
  },
  {
    name: "imaging within 3 months",
    indication: "hcc",
    set: { "diagnosis.imagingDate": "2026-08-20" },
    id: "imaging_recent",
    status: "met",
    outcome: "likely_eligible",
  },
];

describe("rule set kq-2026-12", () => {
  it.each(rows)("$name → $id $status", ({ indication, set, id, status, outcome, coverage }) => {
    const c = withFields(baseCase(indication), set);
    expect(result(c, id)?.status).toBe(status);
    const e = kq(c);
    if (outcome) expect(e.outcome).toBe(outcome);
    if (coverage) expect(e.coverage).toBe(coverage);
  });
});
