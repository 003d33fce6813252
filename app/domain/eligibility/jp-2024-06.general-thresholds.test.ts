// Criteria for every case (metastasis, size, prior radiotherapy, performance status, flags): one row per side of each threshold of rule set jp-2024-06 (tests/fixtures/threshold-rows.ts).
import { sidesOf, thresholdRowsHold, yesNoSides, type ThresholdRow } from "../../../tests/fixtures/threshold-rows";

/** Prior radiotherapy: where it was and when the course ended. */
const radiotherapy = (where: string, endedOn: string) => ({
  "history.priorRadiotherapy": where,
  "history.priorRadiotherapyEndedOn": endedOn,
});

const rows: ThresholdRow[] = [
  // distant metastasis
  ...sidesOf("distant_metastasis", [
    ["0 sites", "hcc", { "diagnosis.distantMetastasisSites": 0 }, "met"],
    ["1 site", "hcc", { "diagnosis.distantMetastasisSites": 1 }, "flag"],
    ["2 sites", "bone_soft_tissue", { "diagnosis.distantMetastasisSites": 2 }, "flag"],
    ["3 sites", "bone_soft_tissue", { "diagnosis.distantMetastasisSites": 3 }, "not_met"],
    [
      "1 site, spread unknown",
      "icc",
      { "diagnosis.distantMetastasisSites": 1, "diagnosis.peritonealOrMeningealSpread": undefined },
      "unknown",
      ["diagnosis.peritonealOrMeningealSpread"],
    ],
    [
      "peritoneal spread",
      "colorectal_recurrence",
      { "diagnosis.distantMetastasisSites": 1, "diagnosis.peritonealOrMeningealSpread": true },
      "not_met",
    ],
    [
      "sites unknown, M0",
      "icc",
      { "diagnosis.distantMetastasisSites": undefined, "diagnosis.tnm": { m: "cM0" } },
      "met",
    ],
    [
      "sites unknown, M1",
      "icc",
      { "diagnosis.distantMetastasisSites": undefined, "diagnosis.tnm": { m: "M1" } },
      "unknown",
      ["diagnosis.distantMetastasisSites"],
    ],
    ["prostate, 1 site", "prostate", { "diagnosis.distantMetastasisSites": 1 }, "not_met"],
    [
      "prostate M1b, sites unknown",
      "prostate",
      { "diagnosis.distantMetastasisSites": undefined, "diagnosis.tnm.m": "M1b" },
      "not_met",
    ],
    ["pancreas, 1 site", "pancreas", { "diagnosis.distantMetastasisSites": 1 }, "not_met"],
    ["pancreas, 0 sites", "pancreas", { "diagnosis.distantMetastasisSites": 0 }, "met"],
    ["oligometastasis indication, 2 sites", "metastasis", { "diagnosis.distantMetastasisSites": 2 }, "met"],
    ["oligometastasis indication, 3 sites", "metastasis", { "diagnosis.distantMetastasisSites": 3 }, "not_met"],
  ]),
  // size, GI tract, spinal cord
  ...sidesOf("tumour_size", [
    ["120 mm", "bone_soft_tissue", { "diagnosis.maxDiameterMm": 120 }, "met"],
    ["121 mm", "bone_soft_tissue", { "diagnosis.maxDiameterMm": 121 }, "flag"],
  ]),
  ...sidesOf("gi_tract_invasion", [
    ["no GI invasion", "pancreas", { "diagnosis.invadesGiTract": false }, "met"],
    ["GI invasion", "pancreas", { "diagnosis.invadesGiTract": true }, "not_met"],
  ]),
  ...yesNoSides(
    "gi_tract_abutment",
    "colorectal_recurrence",
    "diagnosis.abutsGiTract",
    ["abuts bowel", "flag"],
    ["gap to bowel", "met"],
  ),
  ...yesNoSides(
    "spinal_cord_invasion",
    "bone_soft_tissue",
    "diagnosis.invadesSpinalCord",
    ["spinal cord invaded", "not_met"],
    ["spinal cord free", "met"],
  ),
  // prior radiotherapy: 6 calendar months back from referredOn (2026-11-20 → 2026-05-20)
  ...sidesOf("prior_radiotherapy", [
    ["no prior RT", "icc", { "history.priorRadiotherapy": "none" }, "met"],
    ["other site, recently", "icc", radiotherapy("other_site", "2026-10-01"), "met"],
    ["same site, exactly 6 months", "icc", radiotherapy("same_site", "2026-05-20"), "flag"],
    ["same site, a day under 6 months", "icc", radiotherapy("same_site", "2026-05-21"), "not_met"],
    [
      "same site, end of month clamps (2026-08-31 → 2026-02-28)",
      "icc",
      { referredOn: "2026-08-31", ...radiotherapy("same_site", "2026-02-28") },
      "flag",
    ],
    [
      "same site, 2026-03-01 before 2026-08-31",
      "icc",
      { referredOn: "2026-08-31", ...radiotherapy("same_site", "2026-03-01") },
      "not_met",
    ],
    [
      "same site, end date unknown",
      "icc",
      { "history.priorRadiotherapy": "same_site" },
      "unknown",
      ["history.priorRadiotherapyEndedOn"],
    ],
    ["prior RT unknown", "icc", { "history.priorRadiotherapy": "unknown" }, "unknown", ["history.priorRadiotherapy"]],
  ]),
  // performance status, positioning, flags
  ...sidesOf("performance_status", [
    ["ECOG 0", "lung", { "clinical.ecog": 0 }, "met"],
    ["ECOG 2", "lung", { "clinical.ecog": 2 }, "met"],
    ["ECOG 3", "lung", { "clinical.ecog": 3 }, "not_met"],
    ["ECOG 4", "lung", { "clinical.ecog": 4 }, "not_met"],
    ["ECOG unknown", "lung", { "clinical.ecog": undefined }, "unknown", ["clinical.ecog"]],
  ]),
  ...yesNoSides(
    "positioning",
    "lung",
    "clinical.canLieStill30Min",
    ["lies still", "met"],
    ["cannot lie still", "not_met"],
  ),
  ...yesNoSides(
    "infection",
    "lung",
    "clinical.activeInfectionInField",
    ["active infection", "flag"],
    ["no infection", "met"],
  ),
  ...yesNoSides(
    "metal_implant",
    "bone_soft_tissue",
    "clinical.metalImplantInField",
    ["metal implant", "flag"],
    ["no metal", "met"],
  ),
  ...yesNoSides("cardiac_device", "lung", "clinical.cardiacDevice", ["pacemaker", "flag"], ["no device", "met"]),
  ...sidesOf("pregnancy", [
    ["pregnant", "cervix_scc", { "clinical.pregnant": true }, "flag"],
    ["not pregnant", "cervix_scc", { "clinical.pregnant": false }, "met"],
    ["pregnancy unknown", "cervix_scc", { "clinical.pregnant": undefined }, "unknown", ["clinical.pregnant"]],
  ]),
];

thresholdRowsHold(rows);
