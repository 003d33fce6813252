// The diagnosis section of the case: the tumour, its stage, spread and the laboratory values the rules read.
import { z } from "zod";
import {
  bool,
  choice,
  integer,
  isoDate,
  icd10,
  morphology,
  nonNegative,
  optional,
  submissionOnly,
  text,
  type Mode,
} from "../field-builders";
import { e } from "../validation-keys";
import {
  ascitesGrades,
  childPughClasses,
  diagnosisStatuses,
  headNeckSubsites,
  histologies,
  indications,
  metastasisOrgans,
  resectability,
} from "../vocabulary";

export function tnmSchema<M extends Mode>(mode: M) {
  // Free strings (`T2a`, `cN0`, `M1b`, `UICC8`): the rules parse what they need and read anything else as unknown.
  return z.looseObject(
    {
      t: optional(mode, text(16)),
      n: optional(mode, text(16)),
      m: optional(mode, text(16)),
      edition: optional(mode, text(32)),
    },
    e,
  );
}

export function diagnosisSchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      indication: choice(indications),
      icd10: optional(mode, icd10()),
      histology: submissionOnly(mode, choice(histologies)),
      icdO3Morphology: optional(mode, morphology()),
      histologicallyConfirmed: optional(mode, bool()),
      haematological: optional(mode, bool()),
      subsite: optional(mode, choice(headNeckSubsites)),
      status: submissionOnly(mode, choice(diagnosisStatuses)),
      resectable: submissionOnly(mode, choice(resectability)),
      tnm: optional(mode, tnmSchema(mode)),
      stage: optional(mode, text(16)),
      maxDiameterMm: optional(mode, nonNegative()),
      distantMetastasisSites: optional(mode, integer(0)),
      peritonealOrMeningealSpread: optional(mode, bool()),
      invadesGiTract: optional(mode, bool()),
      abutsGiTract: optional(mode, bool()),
      invadesSpinalCord: optional(mode, bool()),
      anastomoticRecurrence: optional(mode, bool()),
      psaNgMl: optional(mode, nonNegative()),
      gleasonScore: optional(mode, integer(2, 10)),
      // Issue #15: the two patterns; gleasonScore stays their sum, the field the screen reads.
      gleasonPrimary: optional(mode, integer(1, 5)),
      gleasonSecondary: optional(mode, integer(1, 5)),
      childPugh: optional(mode, choice(childPughClasses)),
      ascites: optional(mode, bool()),
      ascitesGrade: optional(mode, choice(ascitesGrades)),
      metastases: optional(mode, z.array(metastasisSchema(), e).max(20, e)),
      imagingDate: optional(mode, isoDate()),
      labs: optional(mode, labsSchema(mode)),
    },
    e,
  );
}

export function metastasisSchema() {
  return z.looseObject({ organ: choice(metastasisOrgans), lesions: integer(1, 999) }, e);
}

export function labsSchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      bilirubinMgDl: optional(mode, nonNegative().max(100, e)),
      albuminGDl: optional(mode, nonNegative().max(10, e)),
      inr: optional(mode, nonNegative().max(20, e)),
      measuredOn: optional(mode, isoDate()),
    },
    e,
  );
}
