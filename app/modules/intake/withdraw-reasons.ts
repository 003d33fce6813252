/** Why a physician withdraws a referral (workflow.md: a reason is required). Stable codes; words in locales/. */
export const withdrawReasons = [
  "patient_declined",
  "treated_elsewhere",
  "condition_changed",
  "patient_died",
  "duplicate",
  "other",
] as const;
