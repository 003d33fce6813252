// What a patient who opted in is told when their referral's status changes (issue #17, item 1). Pure: the step in,
// the words out, so the rule "never any health detail" is tested on the function itself. The message says that the
// status changed, names the new status in the same plain words as the status page, and links to /status — never the
// diagnosis, a reason, a site's name (a carbon-ion centre's name alone hints at the illness), the reference code or
// the birth date (the two keys of the status page: a mailbox someone else reads must not hold both, or either).
import type { TFunction } from "i18next";
import type { WorkflowAction } from "~/domain/workflow/transitions";
import { patientStageOf, type PatientStage, type ReferralStatus } from "~/domain/workflow/states";

/** The changes a patient is told of (issue #17): the stages the status page shows that ask the patient's attention. */
export const notifiedStages = [
  "received",
  "info_requested",
  "accepted",
  "consultation_scheduled",
  "declined",
  "closed",
] as const satisfies readonly PatientStage[];
export type NotifiedStage = (typeof notifiedStages)[number];

function isNotified(stage: PatientStage | null): stage is NotifiedStage {
  return stage !== null && (notifiedStages as readonly string[]).includes(stage);
}

/**
 * The stage to tell the patient about after a step, or null. A step that leaves the status page as it was tells
 * nothing (a claim, an assignment), except a consultation booked again: its date changed, which the page shows.
 * "Being reviewed" and "moved to another team" are steps inside the sites' review, not asked of the patient; the
 * status page shows them (docs/decisions/0020-patient-notifications-and-status-language.md).
 */
export function stageToNotify(
  from: ReferralStatus | null,
  to: ReferralStatus,
  action: WorkflowAction,
): NotifiedStage | null {
  const before = from ? patientStageOf(from) : null;
  const after = patientStageOf(to);
  if (!isNotified(after)) return null;
  if (after === before && !(action === "schedule" && after === "consultation_scheduled")) return null;
  return after;
}

export type NoticeLinks = { status: string; unsubscribe: string };
export type ComposedNotice = { subject: string; text: string };

/** The e-mail in the patient's language (`t` is fixed to it). */
export function composeStatusEmail(stage: NotifiedStage, links: NoticeLinks, t: TFunction): ComposedNotice {
  const text = [
    t("patient-notices:email.greeting"),
    "",
    t("patient-notices:email.changed"),
    "",
    t("patient-notices:email.statusNow", { status: t(`status:stages.${stage}.headline`) }),
    t(`patient-notices:stages.${stage}`),
    "",
    t("patient-notices:email.howToSee"),
    links.status,
    "",
    t("patient-notices:email.why"),
    t("patient-notices:email.stop"),
    links.unsubscribe,
    "",
    t("patient-notices:email.signature"),
  ].join("\n");
  return { subject: t("patient-notices:email.subject"), text };
}
