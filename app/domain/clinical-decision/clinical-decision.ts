// The reviewer's clinical decision and the sign-off it gives a coordinator's accept or decline (issue #15,
// docs/decisions/0012-clinical-decision-and-letter.md). Pure: the services and the pages read the same rules.
import type { ReferralStatus } from "~/domain/workflow/states";

export const recommendations = ["accept", "decline", "redirect", "more_info"] as const;
export type Recommendation = (typeof recommendations)[number];

/** Where a reviewer recommends accepting: what the team means to do first. */
export const approaches = ["carbon_ion", "workup_first", "other_radiotherapy"] as const;
export type Approach = (typeof approaches)[number];

/** A reviewer records a decision while the site still has one to make (the same states accept and decline start from), or while it waits for information. */
export const recordableStatuses: readonly ReferralStatus[] = ["triage", "redirected", "in_review", "info_requested"];

export function canRecordClinicalDecision(status: ReferralStatus, role: string): boolean {
  return role === "reviewer" && recordableStatuses.includes(status);
}

/** The recording a sign-off is checked against: only what matters for it. */
export type ClinicalRecord = { recommendation: Recommendation };

export type SignoffCheck =
  | { ok: true }
  | { ok: false; code: "clinical_decision_required" | "clinical_decision_differs"; recommendation?: Recommendation };

/** The coordinator actions that need a clinical sign-off, and the recommendation each one needs. */
const signedOff: Partial<Record<string, Recommendation>> = { accept: "accept", decline: "decline" };

/**
 * Whether `action` may go ahead: actions other than accept and decline never need a sign-off, nor does any action
 * at a site that turned the setting off. Otherwise the site's latest clinical decision must exist and agree — a
 * coordinator carries out the reviewer's decision, never the opposite one.
 */
export function checkSignoff(action: string, required: boolean, latest: ClinicalRecord | null): SignoffCheck {
  const wanted = signedOff[action];
  if (!wanted || !required) return { ok: true };
  if (!latest) return { ok: false, code: "clinical_decision_required" };
  if (latest.recommendation !== wanted)
    return { ok: false, code: "clinical_decision_differs", recommendation: latest.recommendation };
  return { ok: true };
}
