import { describe, expect, it } from "vitest";
import { baseCase, withField, withFields } from "../case/fixtures";
import { indications, type Indication, type ScreenCase } from "../case/schema";
import { criteriaFor, evaluate, indicationsOf } from "./evaluate";
import { jp2024_06 } from "./rulesets/jp-2024-06";
import type { CriterionStatus } from "./types";

function result(c: ScreenCase, id: string) {
  return evaluate(c, jp2024_06).criteria.find((r) => r.id === id);
}

type Row = {
  name: string;
  indication: Indication;
  set: Record<string, unknown>;
  id: string;
  status: CriterionStatus;
  missing?: string[];
};

// One row per side of each threshold: the base case is complete and within criteria, each row changes what it names.
const rows: Row[] = [
  // indication_listed: insured from the first day of the month it was listed, counted on referredOn.
  {
    name: "hcc referred on its start date",
    indication: "hcc",
    set: { referredOn: "2022-04-01" },
    id: "indication_listed",
    status: "met",
  },
  {
    name: "hcc referred the day before",
    indication: "hcc",
    set: { referredOn: "2022-03-31" },
    id: "indication_listed",
    status: "flag",
  },
  {
    name: "lung referred 2024-06-01",
    indication: "lung",
    set: { referredOn: "2024-06-01" },
    id: "indication_listed",
    status: "met",
  },
  {
    name: "lung referred 2024-05-31",
    indication: "lung",
    set: { referredOn: "2024-05-31" },
    id: "indication_listed",
    status: "flag",
  },
  { name: "advanced-care indication", indication: "renal_cell", set: {}, id: "indication_listed", status: "flag" },
  { name: "other solid tumour", indication: "other", set: {}, id: "indication_listed", status: "flag" },

  // resectability
  {
    name: "unresectable",
    indication: "pancreas",
    set: { "diagnosis.resectable": "no" },
    id: "resectability",
    status: "met",
  },
  {
    name: "resectable",
    indication: "pancreas",
    set: { "diagnosis.resectable": "yes" },
    id: "resectability",
    status: "not_met",
  },
  {
    name: "resectability stated unknown",
    indication: "icc",
    set: { "diagnosis.resectable": "unknown" },
    id: "resectability",
    status: "unknown",
    missing: ["diagnosis.resectable"],
  },
  {
    name: "resectability absent",
    indication: "icc",
    set: { "diagnosis.resectable": undefined },
    id: "resectability",
    status: "unknown",
    missing: ["diagnosis.resectable"],
  },
  {
    name: "resectable advanced-care tumour",
    indication: "metastasis",
    set: { "diagnosis.resectable": "yes" },
    id: "resectability",
    status: "not_met",
  },
  {
    name: "resectable other tumour",
    indication: "other",
    set: { "diagnosis.resectable": "yes" },
    id: "resectability",
    status: "flag",
  },

  // head & neck squamous cell carcinoma of oral cavity, pharynx, larynx
  ...(["oral_cavity", "pharynx", "larynx"] as const).map<Row>((subsite) => ({
    name: `SCC of the ${subsite}`,
    indication: "head_neck",
    set: { "diagnosis.histology": "squamous_cell_carcinoma", "diagnosis.subsite": subsite },
    id: "head_neck_scc_excluded",
    status: "not_met",
  })),
  {
    name: "sinonasal SCC",
    indication: "head_neck",
    set: { "diagnosis.histology": "squamous_cell_carcinoma", "diagnosis.subsite": "nasal_sinus" },
    id: "head_neck_scc_excluded",
    status: "met",
  },
  {
    name: "laryngeal adenoid cystic carcinoma",
    indication: "head_neck",
    set: { "diagnosis.histology": "adenoid_cystic_carcinoma", "diagnosis.subsite": "larynx" },
    id: "head_neck_scc_excluded",
    status: "met",
  },
  {
    name: "SCC without subsite",
    indication: "head_neck",
    set: { "diagnosis.histology": "squamous_cell_carcinoma", "diagnosis.subsite": undefined },
    id: "head_neck_scc_excluded",
    status: "unknown",
    missing: ["diagnosis.subsite"],
  },
  {
    name: "pharynx without histology",
    indication: "head_neck",
    set: { "diagnosis.histology": undefined, "diagnosis.subsite": "pharynx" },
    id: "head_neck_scc_excluded",
    status: "unknown",
    missing: ["diagnosis.histology"],
  },

  // prostate
  { name: "N0", indication: "prostate", set: { "diagnosis.tnm.n": "N0" }, id: "prostate_nodes", status: "met" },
  { name: "N1", indication: "prostate", set: { "diagnosis.tnm.n": "N1" }, id: "prostate_nodes", status: "not_met" },
  {
    name: "NX",
    indication: "prostate",
    set: { "diagnosis.tnm.n": "NX" },
    id: "prostate_nodes",
    status: "unknown",
    missing: ["diagnosis.tnm.n"],
  },
  { name: "T, Gleason, PSA known", indication: "prostate", set: {}, id: "prostate_staging_known", status: "met" },
  {
    name: "Gleason missing",
    indication: "prostate",
    set: { "diagnosis.gleasonScore": undefined },
    id: "prostate_staging_known",
    status: "unknown",
    missing: ["diagnosis.gleasonScore"],
  },
  {
    name: "TX and no PSA",
    indication: "prostate",
    set: { "diagnosis.tnm.t": "TX", "diagnosis.psaNgMl": undefined },
    id: "prostate_staging_known",
    status: "unknown",
    missing: ["diagnosis.tnm.t", "diagnosis.psaNgMl"],
  },

  // hcc
  { name: "HCC 40 mm", indication: "hcc", set: { "diagnosis.maxDiameterMm": 40 }, id: "hcc_size", status: "met" },
  { name: "HCC 39.9 mm", indication: "hcc", set: { "diagnosis.maxDiameterMm": 39.9 }, id: "hcc_size", status: "flag" },
  {
    name: "HCC size unknown",
    indication: "hcc",
    set: { "diagnosis.maxDiameterMm": undefined },
    id: "hcc_size",
    status: "unknown",
    missing: ["diagnosis.maxDiameterMm"],
  },
  { name: "Child-Pugh A", indication: "hcc", set: { "diagnosis.childPugh": "A" }, id: "child_pugh", status: "met" },
  { name: "Child-Pugh B", indication: "hcc", set: { "diagnosis.childPugh": "B" }, id: "child_pugh", status: "met" },
  { name: "Child-Pugh C", indication: "hcc", set: { "diagnosis.childPugh": "C" }, id: "child_pugh", status: "not_met" },
  {
    name: "Child-Pugh unknown",
    indication: "hcc",
    set: { "diagnosis.childPugh": undefined },
    id: "child_pugh",
    status: "unknown",
    missing: ["diagnosis.childPugh"],
  },
  { name: "HCC without ascites", indication: "hcc", set: { "diagnosis.ascites": false }, id: "ascites", status: "met" },
  { name: "HCC with ascites", indication: "hcc", set: { "diagnosis.ascites": true }, id: "ascites", status: "not_met" },
  {
    name: "pancreas with ascites",
    indication: "pancreas",
    set: { "diagnosis.ascites": true },
    id: "ascites",
    status: "not_met",
  },

  // colorectal recurrence
  {
    name: "recurrent",
    indication: "colorectal_recurrence",
    set: { "diagnosis.status": "recurrent" },
    id: "colorectal_local_recurrence",
    status: "met",
  },
  {
    name: "primary",
    indication: "colorectal_recurrence",
    set: { "diagnosis.status": "primary" },
    id: "colorectal_local_recurrence",
    status: "not_met",
  },
  {
    name: "not anastomotic",
    indication: "colorectal_recurrence",
    set: { "diagnosis.anastomoticRecurrence": false },
    id: "anastomotic_recurrence",
    status: "met",
  },
  {
    name: "anastomotic",
    indication: "colorectal_recurrence",
    set: { "diagnosis.anastomoticRecurrence": true },
    id: "anastomotic_recurrence",
    status: "not_met",
  },

  // cervix
  {
    name: "FIGO IB3",
    indication: "cervix_adeno",
    set: { "diagnosis.stage": "IB3" },
    id: "cervix_stage",
    status: "not_met",
  },
  { name: "FIGO II", indication: "cervix_adeno", set: { "diagnosis.stage": "II" }, id: "cervix_stage", status: "met" },
  {
    name: "FIGO IIIC1",
    indication: "cervix_adeno",
    set: { "diagnosis.stage": "Stage IIIC1" },
    id: "cervix_stage",
    status: "met",
  },
  {
    name: "FIGO IVA",
    indication: "cervix_adeno",
    set: { "diagnosis.stage": "IVA" },
    id: "cervix_stage",
    status: "met",
  },
  {
    name: "FIGO IVB",
    indication: "cervix_adeno",
    set: { "diagnosis.stage": "IVB" },
    id: "cervix_stage",
    status: "not_met",
  },
  {
    name: "FIGO IV without letter",
    indication: "cervix_adeno",
    set: { "diagnosis.stage": "IV" },
    id: "cervix_stage",
    status: "unknown",
    missing: ["diagnosis.stage"],
  },
  {
    name: "cervix stage absent",
    indication: "cervix_adeno",
    set: { "diagnosis.stage": undefined },
    id: "cervix_stage",
    status: "unknown",
    missing: ["diagnosis.stage"],
  },
  {
    name: "cervical SCC 60 mm",
    indication: "cervix_scc",
    set: { "diagnosis.maxDiameterMm": 60 },
    id: "cervix_scc_size",
    status: "met",
  },
  {
    name: "cervical SCC 59 mm",
    indication: "cervix_scc",
    set: { "diagnosis.maxDiameterMm": 59 },
    id: "cervix_scc_size",
    status: "not_met",
  },

  // lung
  {
    name: "lung IIA",
    indication: "lung",
    set: { "diagnosis.stage": "IIA", "diagnosis.tnm": { t: "T2b", n: "N0", m: "M0" } },
    id: "lung_stage",
    status: "met",
  },
  {
    name: "lung IIB",
    indication: "lung",
    set: { "diagnosis.stage": "IIB", "diagnosis.tnm": { t: "T3", n: "N0", m: "M0" } },
    id: "lung_stage",
    status: "flag",
  },
  {
    name: "lung T2b N0 M0, no stage",
    indication: "lung",
    set: { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T2b", n: "N0", m: "M0" } },
    id: "lung_stage",
    status: "met",
  },
  {
    name: "lung T1a N1 M0, no stage",
    indication: "lung",
    set: { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T1a", n: "N1", m: "M0" } },
    id: "lung_stage",
    status: "flag",
  },
  {
    name: "lung T3 N0 M0, no stage",
    indication: "lung",
    set: { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T3", n: "N0", m: "M0" } },
    id: "lung_stage",
    status: "flag",
  },
  {
    name: "lung T1 N0 without M, no stage",
    indication: "lung",
    set: { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T1", n: "N0" } },
    id: "lung_stage",
    status: "unknown",
    missing: ["diagnosis.stage"],
  },

  // esophagus (advanced care for stage I)
  {
    name: "oesophagus stage I",
    indication: "esophagus",
    set: { "diagnosis.stage": "IB" },
    id: "esophagus_stage",
    status: "met",
  },
  {
    name: "oesophagus stage IIA",
    indication: "esophagus",
    set: { "diagnosis.stage": "IIA" },
    id: "esophagus_stage",
    status: "flag",
  },
  {
    name: "oesophagus T1 N1 M0, no stage",
    indication: "esophagus",
    set: { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T1b", n: "N1", m: "M0" } },
    id: "esophagus_stage",
    status: "unknown",
    missing: ["diagnosis.stage"],
  },
  {
    name: "oesophagus T2 N0 M0, no stage",
    indication: "esophagus",
    set: { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T2", n: "N0", m: "M0" } },
    id: "esophagus_stage",
    status: "flag",
  },

  // general: confirmed malignancy, solid tumour
  {
    name: "histology confirmed",
    indication: "icc",
    set: { "diagnosis.histologicallyConfirmed": true },
    id: "histology_confirmed",
    status: "met",
  },
  {
    name: "histology not confirmed",
    indication: "hcc",
    set: { "diagnosis.histologicallyConfirmed": false },
    id: "histology_confirmed",
    status: "flag",
  },
  {
    name: "confirmation unknown",
    indication: "hcc",
    set: { "diagnosis.histologicallyConfirmed": undefined },
    id: "histology_confirmed",
    status: "unknown",
    missing: ["diagnosis.histologicallyConfirmed"],
  },
  { name: "solid", indication: "other", set: { "diagnosis.haematological": false }, id: "solid_tumour", status: "met" },
  {
    name: "haematological",
    indication: "other",
    set: { "diagnosis.haematological": true },
    id: "solid_tumour",
    status: "not_met",
  },

  // distant metastasis
  {
    name: "0 sites",
    indication: "hcc",
    set: { "diagnosis.distantMetastasisSites": 0 },
    id: "distant_metastasis",
    status: "met",
  },
  {
    name: "1 site",
    indication: "hcc",
    set: { "diagnosis.distantMetastasisSites": 1 },
    id: "distant_metastasis",
    status: "flag",
  },
  {
    name: "2 sites",
    indication: "bone_soft_tissue",
    set: { "diagnosis.distantMetastasisSites": 2 },
    id: "distant_metastasis",
    status: "flag",
  },
  {
    name: "3 sites",
    indication: "bone_soft_tissue",
    set: { "diagnosis.distantMetastasisSites": 3 },
    id: "distant_metastasis",
    status: "not_met",
  },
  {
    name: "1 site, spread unknown",
    indication: "icc",
    set: { "diagnosis.distantMetastasisSites": 1, "diagnosis.peritonealOrMeningealSpread": undefined },
    id: "distant_metastasis",
    status: "unknown",
    missing: ["diagnosis.peritonealOrMeningealSpread"],
  },
  {
    name: "peritoneal spread",
    indication: "colorectal_recurrence",
    set: { "diagnosis.distantMetastasisSites": 1, "diagnosis.peritonealOrMeningealSpread": true },
    id: "distant_metastasis",
    status: "not_met",
  },
  {
    name: "sites unknown, M0",
    indication: "icc",
    set: { "diagnosis.distantMetastasisSites": undefined, "diagnosis.tnm": { m: "cM0" } },
    id: "distant_metastasis",
    status: "met",
  },
  {
    name: "sites unknown, M1",
    indication: "icc",
    set: { "diagnosis.distantMetastasisSites": undefined, "diagnosis.tnm": { m: "M1" } },
    id: "distant_metastasis",
    status: "unknown",
    missing: ["diagnosis.distantMetastasisSites"],
  },
  {
    name: "prostate, 1 site",
    indication: "prostate",
    set: { "diagnosis.distantMetastasisSites": 1 },
    id: "distant_metastasis",
    status: "not_met",
  },
  {
    name: "prostate M1b, sites unknown",
    indication: "prostate",
    set: { "diagnosis.distantMetastasisSites": undefined, "diagnosis.tnm.m": "M1b" },
    id: "distant_metastasis",
    status: "not_met",
  },
  {
    name: "pancreas, 1 site",
    indication: "pancreas",
    set: { "diagnosis.distantMetastasisSites": 1 },
    id: "distant_metastasis",
    status: "not_met",
  },
  {
    name: "pancreas, 0 sites",
    indication: "pancreas",
    set: { "diagnosis.distantMetastasisSites": 0 },
    id: "distant_metastasis",
    status: "met",
  },
  {
    name: "oligometastasis indication, 2 sites",
    indication: "metastasis",
    set: { "diagnosis.distantMetastasisSites": 2 },
    id: "distant_metastasis",
    status: "met",
  },
  {
    name: "oligometastasis indication, 3 sites",
    indication: "metastasis",
    set: { "diagnosis.distantMetastasisSites": 3 },
    id: "distant_metastasis",
    status: "not_met",
  },

  // size, GI tract, spinal cord
  {
    name: "120 mm",
    indication: "bone_soft_tissue",
    set: { "diagnosis.maxDiameterMm": 120 },
    id: "tumour_size",
    status: "met",
  },
  {
    name: "121 mm",
    indication: "bone_soft_tissue",
    set: { "diagnosis.maxDiameterMm": 121 },
    id: "tumour_size",
    status: "flag",
  },
  {
    name: "no GI invasion",
    indication: "pancreas",
    set: { "diagnosis.invadesGiTract": false },
    id: "gi_tract_invasion",
    status: "met",
  },
  {
    name: "GI invasion",
    indication: "pancreas",
    set: { "diagnosis.invadesGiTract": true },
    id: "gi_tract_invasion",
    status: "not_met",
  },
  {
    name: "abuts bowel",
    indication: "colorectal_recurrence",
    set: { "diagnosis.abutsGiTract": true },
    id: "gi_tract_abutment",
    status: "flag",
  },
  {
    name: "gap to bowel",
    indication: "colorectal_recurrence",
    set: { "diagnosis.abutsGiTract": false },
    id: "gi_tract_abutment",
    status: "met",
  },
  {
    name: "spinal cord invaded",
    indication: "bone_soft_tissue",
    set: { "diagnosis.invadesSpinalCord": true },
    id: "spinal_cord_invasion",
    status: "not_met",
  },
  {
    name: "spinal cord free",
    indication: "bone_soft_tissue",
    set: { "diagnosis.invadesSpinalCord": false },
    id: "spinal_cord_invasion",
    status: "met",
  },

  // prior radiotherapy: 6 calendar months back from referredOn (2026-11-20 → 2026-05-20)
  {
    name: "no prior RT",
    indication: "icc",
    set: { "history.priorRadiotherapy": "none" },
    id: "prior_radiotherapy",
    status: "met",
  },
  {
    name: "other site, recently",
    indication: "icc",
    set: { "history.priorRadiotherapy": "other_site", "history.priorRadiotherapyEndedOn": "2026-10-01" },
    id: "prior_radiotherapy",
    status: "met",
  },
  {
    name: "same site, exactly 6 months",
    indication: "icc",
    set: { "history.priorRadiotherapy": "same_site", "history.priorRadiotherapyEndedOn": "2026-05-20" },
    id: "prior_radiotherapy",
    status: "flag",
  },
  {
    name: "same site, a day under 6 months",
    indication: "icc",
    set: { "history.priorRadiotherapy": "same_site", "history.priorRadiotherapyEndedOn": "2026-05-21" },
    id: "prior_radiotherapy",
    status: "not_met",
  },
  {
    name: "same site, end of month clamps (2026-08-31 → 2026-02-28)",
    indication: "icc",
    set: {
      referredOn: "2026-08-31",
      "history.priorRadiotherapy": "same_site",
      "history.priorRadiotherapyEndedOn": "2026-02-28",
    },
    id: "prior_radiotherapy",
    status: "flag",
  },
  {
    name: "same site, 2026-03-01 before 2026-08-31",
    indication: "icc",
    set: {
      referredOn: "2026-08-31",
      "history.priorRadiotherapy": "same_site",
      "history.priorRadiotherapyEndedOn": "2026-03-01",
    },
    id: "prior_radiotherapy",
    status: "not_met",
  },
  {
    name: "same site, end date unknown",
    indication: "icc",
    set: { "history.priorRadiotherapy": "same_site" },
    id: "prior_radiotherapy",
    status: "unknown",
    missing: ["history.priorRadiotherapyEndedOn"],
  },
  {
    name: "prior RT unknown",
    indication: "icc",
    set: { "history.priorRadiotherapy": "unknown" },
    id: "prior_radiotherapy",
    status: "unknown",
    missing: ["history.priorRadiotherapy"],
  },

  // performance status, positioning, flags
  { name: "ECOG 0", indication: "lung", set: { "clinical.ecog": 0 }, id: "performance_status", status: "met" },
  { name: "ECOG 2", indication: "lung", set: { "clinical.ecog": 2 }, id: "performance_status", status: "met" },
  { name: "ECOG 3", indication: "lung", set: { "clinical.ecog": 3 }, id: "performance_status", status: "not_met" },
  { name: "ECOG 4", indication: "lung", set: { "clinical.ecog": 4 }, id: "performance_status", status: "not_met" },
  {
    name: "ECOG unknown",
    indication: "lung",
    set: { "clinical.ecog": undefined },
    id: "performance_status",
    status: "unknown",
    missing: ["clinical.ecog"],
  },
  {
    name: "lies still",
    indication: "lung",
    set: { "clinical.canLieStill30Min": true },
    id: "positioning",
    status: "met",
  },
  {
    name: "cannot lie still",
    indication: "lung",
    set: { "clinical.canLieStill30Min": false },
    id: "positioning",
    status: "not_met",
  },
  {
    name: "active infection",
    indication: "lung",
    set: { "clinical.activeInfectionInField": true },
    id: "infection",
    status: "flag",
  },
  {
    name: "no infection",
    indication: "lung",
    set: { "clinical.activeInfectionInField": false },
    id: "infection",
    status: "met",
  },
  {
    name: "metal implant",
    indication: "bone_soft_tissue",
    set: { "clinical.metalImplantInField": true },
    id: "metal_implant",
    status: "flag",
  },
  {
    name: "no metal",
    indication: "bone_soft_tissue",
    set: { "clinical.metalImplantInField": false },
    id: "metal_implant",
    status: "met",
  },
  {
    name: "pacemaker",
    indication: "lung",
    set: { "clinical.cardiacDevice": true },
    id: "cardiac_device",
    status: "flag",
  },
  {
    name: "no device",
    indication: "lung",
    set: { "clinical.cardiacDevice": false },
    id: "cardiac_device",
    status: "met",
  },
  { name: "pregnant", indication: "cervix_scc", set: { "clinical.pregnant": true }, id: "pregnancy", status: "flag" },
  {
    name: "not pregnant",
    indication: "cervix_scc",
    set: { "clinical.pregnant": false },
    id: "pregnancy",
    status: "met",
  },
  {
    name: "pregnancy unknown",
    indication: "cervix_scc",
    set: { "clinical.pregnant": undefined },
    id: "pregnancy",
    status: "unknown",
    missing: ["clinical.pregnant"],
  },
];

describe("criteria at each side of their thresholds", () => {
  it.each(rows)("$id: $name ($indication) → $status", ({ indication, set, id, status, missing }) => {
    const r = result(withFields(baseCase(indication), set), id);
    expect(r?.status).toBe(status);
    if (missing) expect(r?.missing).toEqual(missing);
    if (status !== "unknown") expect(r?.missing).toBeUndefined();
  });
});

describe("base cases", () => {
  const insured = indications.filter((i) => jp2024_06.indications[i].programme === "insurance");

  it.each(insured)("%s with every criterion met is likely_eligible with insurance", (indication) => {
    const e = evaluate(baseCase(indication), jp2024_06);
    expect(e.criteria.filter((r) => r.status !== "met")).toEqual([]);
    expect(e).toMatchObject({
      outcome: "likely_eligible",
      coverage: "jp_insurance",
      missing: [],
      rulesetVersion: "jp-2024-06",
    });
  });

  it.each(["esophagus", "renal_cell", "metastasis"] as const)(
    "%s is needs_review with advanced care, never not_eligible on that ground",
    (indication) => {
      expect(evaluate(baseCase(indication), jp2024_06)).toMatchObject({
        outcome: "needs_review",
        coverage: "jp_advanced_care",
        missing: [],
      });
    },
  );

  it("other solid tumours are needs_review, case by case", () => {
    expect(evaluate(baseCase("other"), jp2024_06)).toMatchObject({ outcome: "needs_review", coverage: "case_by_case" });
  });
});

describe("outcome and coverage", () => {
  it("any not_met makes the case not_eligible with no coverage", () => {
    const e = evaluate(withField(baseCase("hcc"), "diagnosis.childPugh", "C"), jp2024_06);
    expect(e).toMatchObject({ outcome: "not_eligible", coverage: "none" });
  });

  it("HCC under 40 mm is advanced care, not an exclusion", () => {
    expect(evaluate(withField(baseCase("hcc"), "diagnosis.maxDiameterMm", 30), jp2024_06)).toMatchObject({
      outcome: "needs_review",
      coverage: "jp_advanced_care",
    });
  });

  it("lung beyond IIA is advanced care", () => {
    const c = withFields(baseCase("lung"), {
      "diagnosis.stage": "IIIA",
      "diagnosis.tnm": { t: "T3", n: "N1", m: "M0" },
    });
    expect(evaluate(c, jp2024_06)).toMatchObject({ outcome: "needs_review", coverage: "jp_advanced_care" });
  });

  it("oesophageal cancer beyond stage I is case by case", () => {
    const c = withFields(baseCase("esophagus"), {
      "diagnosis.stage": "III",
      "diagnosis.tnm": { t: "T3", n: "N1", m: "M0" },
    });
    expect(evaluate(c, jp2024_06)).toMatchObject({ outcome: "needs_review", coverage: "case_by_case" });
  });

  it("unknown indication-specific data keeps the programme's coverage and lists what is missing", () => {
    const e = evaluate(withField(baseCase("hcc"), "diagnosis.maxDiameterMm", undefined), jp2024_06);
    expect(e).toMatchObject({ outcome: "needs_review", coverage: "jp_insurance" });
    expect(e.missing).toEqual(["diagnosis.maxDiameterMm"]);
  });

  it("an insured indication referred before its start date is case by case", () => {
    expect(evaluate(withField(baseCase("cervix_scc"), "referredOn", "2024-05-01"), jp2024_06)).toMatchObject({
      outcome: "needs_review",
      coverage: "case_by_case",
    });
  });

  it("a flag outside the indication's own criteria keeps insurance", () => {
    expect(
      evaluate(withField(baseCase("colorectal_recurrence"), "diagnosis.abutsGiTract", true), jp2024_06),
    ).toMatchObject({
      outcome: "needs_review",
      coverage: "jp_insurance",
    });
  });

  it("lists each missing path once, in criterion order", () => {
    const c = withFields(baseCase("hcc"), { "diagnosis.maxDiameterMm": undefined, "clinical.ecog": undefined });
    expect(evaluate(c, jp2024_06).missing).toEqual(["diagnosis.maxDiameterMm", "clinical.ecog"]);
  });

  it("a minimal case (indication and date only) is needs_review, every criterion unknown but the indication", () => {
    const e = evaluate({ diagnosis: { indication: "icc" }, referredOn: "2026-11-20" }, jp2024_06);
    expect(e.outcome).toBe("needs_review");
    expect(e.criteria.filter((r) => r.status !== "unknown").map((r) => r.id)).toEqual(["indication_listed"]);
    expect(e.missing).toContain("clinical.ecog");
    expect(e.missing).toContain("diagnosis.resectable");
  });
});

describe("rule set metadata", () => {
  it("every criterion has a unique id, a source unless marked unconfirmed, and applies somewhere", () => {
    const ids = jp2024_06.criteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const def of jp2024_06.criteria) {
      expect(indicationsOf(def).length).toBeGreaterThan(0);
      if (def.id !== "pregnancy") expect(def.sources.length).toBeGreaterThan(0);
      for (const url of def.sources) expect(url).toMatch(/^https?:\/\//);
    }
  });

  it("prostate and head & neck carry no resectability condition", () => {
    expect(criteriaFor("prostate", jp2024_06).map((c) => c.id)).not.toContain("resectability");
    expect(criteriaFor("head_neck", jp2024_06).map((c) => c.id)).not.toContain("resectability");
    expect(criteriaFor("lung", jp2024_06).map((c) => c.id)).toContain("resectability");
  });

  it("age is never a criterion", () => {
    for (const indication of indications) {
      const e = evaluate(baseCase(indication), jp2024_06);
      expect(e.criteria.flatMap((r) => r.fields).filter((f) => f.startsWith("patient."))).toEqual([]);
    }
  });

  it("results carry the value used, the threshold and the source", () => {
    const r = result(withField(baseCase("lung"), "clinical.ecog", 3), "performance_status");
    expect(r).toMatchObject({ value: 3, expected: "0-2", fields: ["clinical.ecog"] });
    expect(r?.source).toMatch(/^https:/);
  });
});
