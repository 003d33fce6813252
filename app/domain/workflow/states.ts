// The life of a referral (shared/domain/workflow.md). Stable codes; words live in locales/.
// The statuses a patient is shown as they are (workflow.md, "What the patient sees"); the others are put in words
// of their own by patientStageOf.
const statusesShownToPatients = [
  "in_review",
  "info_requested",
  "accepted",
  "consultation_scheduled",
  "declined",
  "redirected",
] as const;

export const referralStatuses = [
  "draft",
  "submitted",
  "triage",
  ...statusesShownToPatients,
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
export const patientStages = ["received", ...statusesShownToPatients, "closed"] as const;
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
