// The history and clinical sections of the case: earlier treatment and the patient's condition today.
import { z } from "zod";
import {
  bool,
  choice,
  integer,
  isoDate,
  nonNegative,
  optional,
  submissionOnly,
  text,
  type Mode,
} from "../field-builders";
import { e } from "../validation-keys";
import { encephalopathyGrades, overlapValues, priorRadiotherapyValues } from "../vocabulary";

export function radiotherapyCourseSchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      endedOn: isoDate(),
      region: text(200),
      doseGy: optional(mode, nonNegative().max(200, e)),
      fractions: optional(mode, integer(1, 100)),
      overlapsTarget: choice(overlapValues),
      outcome: optional(mode, text(STORY_ITEM_MAX)),
    },
    e,
  );
}

// Issue #15, the clinical story: free text has a ceiling so a pasted record cannot swamp a referral.
export const STORY_MAX = 4000;
export const STORY_ITEM_MAX = 500;

export function surgerySchema<M extends Mode>(mode: M) {
  return z.looseObject({ date: isoDate(), procedure: text(200), outcome: optional(mode, text(STORY_ITEM_MAX)) }, e);
}

export function systemicTherapySchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      startedOn: isoDate(),
      drug: text(200),
      line: optional(mode, integer(1, 20)),
      outcome: optional(mode, text(STORY_ITEM_MAX)),
    },
    e,
  );
}

export function historySchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      priorRadiotherapy: submissionOnly(mode, choice(priorRadiotherapyValues)),
      priorRadiotherapyEndedOn: optional(mode, isoDate()),
      radiotherapyCourses: optional(mode, z.array(radiotherapyCourseSchema(mode), e).max(20, e)),
      clinicalSummary: optional(mode, text(STORY_MAX)),
      referralReason: optional(mode, text(STORY_MAX)),
      surgeries: optional(mode, z.array(surgerySchema(mode), e).max(20, e)),
      systemicTherapies: optional(mode, z.array(systemicTherapySchema(mode), e).max(20, e)),
    },
    e,
  );
}

export function clinicalSchema<M extends Mode>(mode: M) {
  return z.looseObject(
    {
      ecog: optional(mode, integer(0, 4)),
      canLieStill30Min: optional(mode, bool()),
      activeInfectionInField: optional(mode, bool()),
      metalImplantInField: optional(mode, bool()),
      cardiacDevice: optional(mode, bool()),
      pregnant: optional(mode, bool()),
      encephalopathyGrade: optional(mode, choice(encephalopathyGrades)),
      comorbidities: optional(mode, text(STORY_MAX)),
      medicines: optional(mode, text(STORY_MAX)),
    },
    e,
  );
}
