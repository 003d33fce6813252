// The life of a referral (shared/domain/workflow.md). Stable codes; words live in locales/.
export const referralStatuses = [
  "draft",
  "submitted",
  "triage",
  "in_review",
  "info_requested",
  "accepted",
  "consultation_scheduled",
  "declined",
  "redirected",
  "withdrawn",
  "closed",
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** States a physician may still withdraw from and a site still has to act on. */
export const openStatuses: readonly ReferralStatus[] = [
  "submitted",
  "triage",
  "redirected",
  "in_review",
  "info_requested",
  "accepted",
  "consultation_scheduled",
];

export function isOpen(status: ReferralStatus): boolean {
  return openStatuses.includes(status);
}

/** What the patient sees: a handful of plain stages, never clinical detail (workflow.md, "What the patient sees"). */
export const patientStages = [
  "received",
  "in_review",
  "info_requested",
  "accepted",
  "consultation_scheduled",
  "declined",
  "redirected",
  "closed",
] as const;
export type PatientStage = (typeof patientStages)[number];

export function patientStageOf(status: ReferralStatus): PatientStage | null {
  switch (status) {
    case "draft":
      return null; // not yet sent: no patient status exists
    case "submitted":
    case "triage":
      return "received";
    case "withdrawn":
    case "closed":
      return "closed";
    default:
      return status;
  }
}
