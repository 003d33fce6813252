// Complete, coherent cases for tests and the benchmark: one per indication, every criterion's data present.
// Insured indications come out likely_eligible; advanced-care and `other` ones needs_review.
import type { Indication, ScreenCase } from "./schema";

type Extra = Partial<ScreenCase["diagnosis"]>;

const extras: Record<Indication, Extra> = {
  bone_soft_tissue: { histology: "chordoma", maxDiameterMm: 70 },
  head_neck: { histology: "adenoid_cystic_carcinoma", subsite: "salivary_gland", maxDiameterMm: 35 },
  prostate: {
    histology: "adenocarcinoma",
    resectable: "yes",
    tnm: { t: "T2b", n: "N0", m: "M0", edition: "UICC8" },
    gleasonScore: 7,
    psaNgMl: 8.2,
    maxDiameterMm: 18,
  },
  hcc: { histology: "hepatocellular_carcinoma", maxDiameterMm: 55, childPugh: "A", ascites: false },
  icc: { histology: "cholangiocarcinoma", maxDiameterMm: 50, childPugh: "A", ascites: false },
  pancreas: {
    histology: "adenocarcinoma",
    tnm: { t: "T4", n: "N0", m: "M0", edition: "UICC8" },
    ascites: false,
    maxDiameterMm: 38,
  },
  colorectal_recurrence: {
    histology: "adenocarcinoma",
    status: "recurrent",
    anastomoticRecurrence: false,
    maxDiameterMm: 42,
  },
  cervix_adeno: { histology: "adenocarcinoma", stage: "IIB", maxDiameterMm: 50 },
  cervix_scc: { histology: "squamous_cell_carcinoma", stage: "IIIB", maxDiameterMm: 65 },
  gyn_melanoma: { histology: "melanoma", maxDiameterMm: 30 },
  lung: {
    histology: "adenocarcinoma",
    stage: "IA2",
    tnm: { t: "T1b", n: "N0", m: "M0", edition: "UICC8" },
    maxDiameterMm: 18,
  },
  esophagus: {
    histology: "squamous_cell_carcinoma",
    stage: "I",
    tnm: { t: "T1b", n: "N0", m: "M0", edition: "UICC8" },
    maxDiameterMm: 25,
  },
  renal_cell: { histology: "other", maxDiameterMm: 45 },
  metastasis: { histology: "adenocarcinoma", distantMetastasisSites: 1, maxDiameterMm: 20 },
  other: { histology: "other", maxDiameterMm: 40 },
};

/** A fresh, complete case for the indication (Korean resident, no cross-border consent, referred 2026-11-20). */
export function baseCase(indication: Indication): ScreenCase {
  return {
    patient: { residenceCountry: "KR", preferredLanguage: "ko", sex: "female" },
    preferences: { site: "none" },
    consent: { sensitiveData: true, crossBorder: false, informedOfDiagnosis: true },
    diagnosis: {
      indication,
      histologicallyConfirmed: true,
      haematological: false,
      status: "primary",
      resectable: "no",
      distantMetastasisSites: 0,
      peritonealOrMeningealSpread: false,
      invadesGiTract: false,
      abutsGiTract: false,
      invadesSpinalCord: false,
      ...structuredClone(extras[indication]),
    },
    history: { priorRadiotherapy: "none" },
    clinical: {
      ecog: 1,
      canLieStill30Min: true,
      activeInfectionInField: false,
      metalImplantInField: false,
      cardiacDevice: false,
      pregnant: false,
    },
    referredOn: "2026-11-20",
    urgency: "routine",
  };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null) {
      if (value === undefined) return;
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** A copy of `c` with the dotted path set to `value`, or removed when `value` is undefined. */
export function withField(c: ScreenCase, path: string, value: unknown): ScreenCase {
  return withFields(c, { [path]: value });
}

/** A copy of `c` with each dotted path set (or removed when its value is undefined), in order. */
export function withFields(c: ScreenCase, fields: Record<string, unknown>): ScreenCase {
  const copy = structuredClone(c) as Record<string, unknown>;
  for (const [path, value] of Object.entries(fields)) setPath(copy, path, structuredClone(value));
  return copy as ScreenCase;
}
