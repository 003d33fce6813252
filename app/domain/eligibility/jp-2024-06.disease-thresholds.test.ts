// The indications' own criteria (listing, resectability, histology, stage, malignancy): one row per side of each threshold of rule set jp-2024-06 (tests/fixtures/threshold-rows.ts).
import { sidesOf, thresholdRowsHold, type Side, type ThresholdRow } from "../../../tests/fixtures/threshold-rows";

/** A head and neck tumour's histology and subsite. */
const headNeck = (histology: string | undefined, subsite: string | undefined) => ({
  "diagnosis.histology": histology,
  "diagnosis.subsite": subsite,
});

const rows: ThresholdRow[] = [
  // indication_listed: insured from the first day of the month it was listed, counted on referredOn.
  ...sidesOf("indication_listed", [
    ["hcc referred on its start date", "hcc", { referredOn: "2022-04-01" }, "met"],
    ["hcc referred the day before", "hcc", { referredOn: "2022-03-31" }, "flag"],
    ["lung referred 2024-06-01", "lung", { referredOn: "2024-06-01" }, "met"],
    ["lung referred 2024-05-31", "lung", { referredOn: "2024-05-31" }, "flag"],
    ["advanced-care indication", "renal_cell", {}, "flag"],
    ["other solid tumour", "other", {}, "flag"],
  ]),
  // resectability
  ...sidesOf("resectability", [
    ["unresectable", "pancreas", { "diagnosis.resectable": "no" }, "met"],
    ["resectable", "pancreas", { "diagnosis.resectable": "yes" }, "not_met"],
    ["resectability stated unknown", "icc", { "diagnosis.resectable": "unknown" }, "unknown", ["diagnosis.resectable"]],
    ["resectability absent", "icc", { "diagnosis.resectable": undefined }, "unknown", ["diagnosis.resectable"]],
    ["resectable advanced-care tumour", "metastasis", { "diagnosis.resectable": "yes" }, "not_met"],
    ["resectable other tumour", "other", { "diagnosis.resectable": "yes" }, "flag"],
  ]),
  // head & neck squamous cell carcinoma of oral cavity, pharynx, larynx
  ...sidesOf("head_neck_scc_excluded", [
    ...(["oral_cavity", "pharynx", "larynx"] as const).map<Side>((subsite) => [
      `SCC of the ${subsite}`,
      "head_neck",
      headNeck("squamous_cell_carcinoma", subsite),
      "not_met",
    ]),
    ["sinonasal SCC", "head_neck", headNeck("squamous_cell_carcinoma", "nasal_sinus"), "met"],
    ["laryngeal adenoid cystic carcinoma", "head_neck", headNeck("adenoid_cystic_carcinoma", "larynx"), "met"],
    [
      "SCC without subsite",
      "head_neck",
      headNeck("squamous_cell_carcinoma", undefined),
      "unknown",
      ["diagnosis.subsite"],
    ],
    ["pharynx without histology", "head_neck", headNeck(undefined, "pharynx"), "unknown", ["diagnosis.histology"]],
  ]),
  // prostate
  ...sidesOf("prostate_nodes", [
    ["N0", "prostate", { "diagnosis.tnm.n": "N0" }, "met"],
    ["N1", "prostate", { "diagnosis.tnm.n": "N1" }, "not_met"],
    ["NX", "prostate", { "diagnosis.tnm.n": "NX" }, "unknown", ["diagnosis.tnm.n"]],
  ]),
  ...sidesOf("prostate_staging_known", [
    ["T, Gleason, PSA known", "prostate", {}, "met"],
    ["Gleason missing", "prostate", { "diagnosis.gleasonScore": undefined }, "unknown", ["diagnosis.gleasonScore"]],
    [
      "TX and no PSA",
      "prostate",
      { "diagnosis.tnm.t": "TX", "diagnosis.psaNgMl": undefined },
      "unknown",
      ["diagnosis.tnm.t", "diagnosis.psaNgMl"],
    ],
  ]),
  // hcc
  ...sidesOf("hcc_size", [
    ["HCC 40 mm", "hcc", { "diagnosis.maxDiameterMm": 40 }, "met"],
    ["HCC 39.9 mm", "hcc", { "diagnosis.maxDiameterMm": 39.9 }, "flag"],
    ["HCC size unknown", "hcc", { "diagnosis.maxDiameterMm": undefined }, "unknown", ["diagnosis.maxDiameterMm"]],
  ]),
  ...sidesOf("child_pugh", [
    ["Child-Pugh A", "hcc", { "diagnosis.childPugh": "A" }, "met"],
    ["Child-Pugh B", "hcc", { "diagnosis.childPugh": "B" }, "met"],
    ["Child-Pugh C", "hcc", { "diagnosis.childPugh": "C" }, "not_met"],
    ["Child-Pugh unknown", "hcc", { "diagnosis.childPugh": undefined }, "unknown", ["diagnosis.childPugh"]],
  ]),
  ...sidesOf("ascites", [
    ["HCC without ascites", "hcc", { "diagnosis.ascites": false }, "met"],
    ["HCC with ascites", "hcc", { "diagnosis.ascites": true }, "not_met"],
    ["pancreas with ascites", "pancreas", { "diagnosis.ascites": true }, "not_met"],
  ]),
  // colorectal recurrence
  ...sidesOf("colorectal_local_recurrence", [
    ["recurrent", "colorectal_recurrence", { "diagnosis.status": "recurrent" }, "met"],
    ["primary", "colorectal_recurrence", { "diagnosis.status": "primary" }, "not_met"],
  ]),
  ...sidesOf("anastomotic_recurrence", [
    ["not anastomotic", "colorectal_recurrence", { "diagnosis.anastomoticRecurrence": false }, "met"],
    ["anastomotic", "colorectal_recurrence", { "diagnosis.anastomoticRecurrence": true }, "not_met"],
  ]),
  // cervix
  ...sidesOf("cervix_stage", [
    ["FIGO IB3", "cervix_adeno", { "diagnosis.stage": "IB3" }, "not_met"],
    ["FIGO II", "cervix_adeno", { "diagnosis.stage": "II" }, "met"],
    ["FIGO IIIC1", "cervix_adeno", { "diagnosis.stage": "Stage IIIC1" }, "met"],
    ["FIGO IVA", "cervix_adeno", { "diagnosis.stage": "IVA" }, "met"],
    ["FIGO IVB", "cervix_adeno", { "diagnosis.stage": "IVB" }, "not_met"],
    ["FIGO IV without letter", "cervix_adeno", { "diagnosis.stage": "IV" }, "unknown", ["diagnosis.stage"]],
    ["cervix stage absent", "cervix_adeno", { "diagnosis.stage": undefined }, "unknown", ["diagnosis.stage"]],
  ]),
  ...sidesOf("cervix_scc_size", [
    ["cervical SCC 60 mm", "cervix_scc", { "diagnosis.maxDiameterMm": 60 }, "met"],
    ["cervical SCC 59 mm", "cervix_scc", { "diagnosis.maxDiameterMm": 59 }, "not_met"],
  ]),
  // lung
  ...sidesOf("lung_stage", [
    ["lung IIA", "lung", { "diagnosis.stage": "IIA", "diagnosis.tnm": { t: "T2b", n: "N0", m: "M0" } }, "met"],
    ["lung IIB", "lung", { "diagnosis.stage": "IIB", "diagnosis.tnm": { t: "T3", n: "N0", m: "M0" } }, "flag"],
    [
      "lung T2b N0 M0, no stage",
      "lung",
      { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T2b", n: "N0", m: "M0" } },
      "met",
    ],
    [
      "lung T1a N1 M0, no stage",
      "lung",
      { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T1a", n: "N1", m: "M0" } },
      "flag",
    ],
    [
      "lung T3 N0 M0, no stage",
      "lung",
      { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T3", n: "N0", m: "M0" } },
      "flag",
    ],
    [
      "lung T1 N0 without M, no stage",
      "lung",
      { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T1", n: "N0" } },
      "unknown",
      ["diagnosis.stage"],
    ],
  ]),
  // esophagus (advanced care for stage I)
  ...sidesOf("esophagus_stage", [
    ["oesophagus stage I", "esophagus", { "diagnosis.stage": "IB" }, "met"],
    ["oesophagus stage IIA", "esophagus", { "diagnosis.stage": "IIA" }, "flag"],
    [
      "oesophagus T1 N1 M0, no stage",
      "esophagus",
      { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T1b", n: "N1", m: "M0" } },
      "unknown",
      ["diagnosis.stage"],
    ],
    [
      "oesophagus T2 N0 M0, no stage",
      "esophagus",
      { "diagnosis.stage": undefined, "diagnosis.tnm": { t: "T2", n: "N0", m: "M0" } },
      "flag",
    ],
  ]),
  // general: confirmed malignancy, solid tumour
  ...sidesOf("histology_confirmed", [
    ["histology confirmed", "icc", { "diagnosis.histologicallyConfirmed": true }, "met"],
    ["histology not confirmed", "hcc", { "diagnosis.histologicallyConfirmed": false }, "flag"],
    [
      "confirmation unknown",
      "hcc",
      { "diagnosis.histologicallyConfirmed": undefined },
      "unknown",
      ["diagnosis.histologicallyConfirmed"],
    ],
  ]),
  ...sidesOf("solid_tumour", [
    ["solid", "other", { "diagnosis.haematological": false }, "met"],
    ["haematological", "other", { "diagnosis.haematological": true }, "not_met"],
  ]),
];

thresholdRowsHold(rows);
