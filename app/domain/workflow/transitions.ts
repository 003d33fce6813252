import type { ReferralStatus } from "./states";

export type Actor = "physician" | "coordinator" | "reviewer" | "system";

export const workflowActions = [
  "submit",
  "route",
  "claim",
  "assign",
  "request_info",
  "answer_info",
  "accept",
  "decline",
  "redirect",
  "schedule",
  "close",
  "withdraw",
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

type Rule = { from: readonly ReferralStatus[]; to: ReferralStatus; actors: readonly Actor[]; reasonRequired?: boolean };

const staff = ["coordinator", "reviewer"] as const;

// Every legal move. Anything not listed is refused with `illegal_transition`.
export const transitions: Record<WorkflowAction, Rule> = {
  submit: { from: ["draft"], to: "submitted", actors: ["physician"] },
  route: { from: ["submitted"], to: "triage", actors: ["system"] },
  claim: { from: ["triage", "redirected"], to: "in_review", actors: staff },
  assign: { from: ["triage", "redirected", "in_review"], to: "in_review", actors: staff },
  request_info: { from: ["triage", "redirected", "in_review"], to: "info_requested", actors: staff },
  answer_info: { from: ["info_requested"], to: "triage", actors: ["physician"] },
  accept: { from: ["triage", "redirected", "in_review"], to: "accepted", actors: staff },
  decline: { from: ["triage", "redirected", "in_review"], to: "declined", actors: staff, reasonRequired: true },
  // A redirect hands the referral to the other site, where "redirected" waits in triage like a new arrival
  // (and the patient is told it moved).
  redirect: { from: ["triage", "redirected", "in_review"], to: "redirected", actors: staff, reasonRequired: true },
  schedule: { from: ["accepted", "consultation_scheduled"], to: "consultation_scheduled", actors: staff },
  close: { from: ["accepted", "consultation_scheduled", "declined"], to: "closed", actors: staff },
  withdraw: {
    from: ["submitted", "triage", "redirected", "in_review", "info_requested", "accepted", "consultation_scheduled"],
    to: "withdrawn",
    actors: ["physician"],
    reasonRequired: true,
  },
};

export type TransitionCheck =
  | { ok: true; to: ReferralStatus }
  | { ok: false; code: "illegal_transition" | "not_allowed_for_role" | "reason_required" };

/** Whether `actor` may perform `action` on a referral in `from`; pure, so pages and services agree. */
export function checkTransition(
  from: ReferralStatus,
  action: WorkflowAction,
  actor: Actor,
  reason?: string | null,
): TransitionCheck {
  const rule = transitions[action];
  if (!rule.from.includes(from)) return { ok: false, code: "illegal_transition" };
  if (!rule.actors.includes(actor)) return { ok: false, code: "not_allowed_for_role" };
  if (rule.reasonRequired && !reason?.trim()) return { ok: false, code: "reason_required" };
  return { ok: true, to: rule.to };
}

/** The actions `actor` could take now, for showing only the buttons that will work. */
export function availableActions(from: ReferralStatus, actor: Actor): WorkflowAction[] {
  return workflowActions.filter((action) => {
    const rule = transitions[action];
    return rule.from.includes(from) && rule.actors.includes(actor);
  });
}

/** The first decision stops the clock (workflow.md, "Clocks"). */
export const clockStoppingActions: readonly WorkflowAction[] = ["accept", "decline", "redirect"];
