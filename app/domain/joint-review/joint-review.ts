// Joint review of a referral by Konyang and QST, and the case conferences that discuss it (issue 10,
// docs/decisions/0018-joint-review-and-conferences.md). Pure: codes, rules and the agenda's placement; no I/O, no clock.
import { openStatuses, type ReferralStatus } from "~/domain/workflow/states";

/** What the chair records for a case: the four answers a joint conference gives. */
export const jointRecommendations = [
  "treat_at_qst",
  "workup_at_konyang",
  "not_recommended",
  "more_information",
] as const;
export type JointRecommendation = (typeof jointRecommendations)[number];

/**
 * A referral may be shared while its owning site still has something to decide: from its arrival to a booked
 * consultation, the open statuses. A declined, withdrawn or closed referral has nothing left to discuss.
 */
export const shareableStatuses: readonly ReferralStatus[] = openStatuses;

/** Steps after which the referral has left the owning site's hands: its joint review closes with them. */
export const stepsThatEndJointReview = ["decline", "redirect", "close", "withdraw"] as const;

export type ConferenceSlot = { id: string; startsAt: string; agendaCutoffAt: string; status: string };

/**
 * The conference a case proposed at `at` goes to: the earliest one still to be held whose agenda is open (its cut-off
 * is later). A case proposed after a cut-off goes to the next conference; with none scheduled it waits for one.
 */
export function conferenceFor(conferences: readonly ConferenceSlot[], at: string): ConferenceSlot | null {
  return (
    [...conferences]
      .filter((c) => c.status === "scheduled" && c.agendaCutoffAt > at)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null
  );
}

/** After a meeting, a case goes on to the next agenda when no answer was given or more information was asked for. */
export function needsAnotherConference(recommendation: string | null): boolean {
  return recommendation === null || recommendation === "more_information";
}

/**
 * The case fields that name or reach the patient. The partner site reads the clinical case, never who the patient is
 * (privacy.md, minimum exposure): it advises on the case; the owning site knows the person.
 */
export const identifyingPaths: readonly string[] = [
  "patient.familyName",
  "patient.givenName",
  "patient.nameReading",
  "patient.familyNameLatin",
  "patient.givenNameLatin",
  "patient.birthDate",
  "patient.phone",
  "patient.email",
  "patient.referringHospitalId",
];

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
