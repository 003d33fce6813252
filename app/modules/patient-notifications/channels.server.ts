// The ways a patient can be told of a change (issue #17). Only e-mail is built; a site could add SMS or a messaging
// app (KakaoTalk, LINE) by writing one more channel: where the case keeps the patient's address for it, how a
// notice reads there, and how it is queued so that it survives a failed send. The opt-in itself
// (`consent.statusUpdates`), the choice of what to tell, the unsubscribe tokens and the stops are the same for all
// channels and live in patient-notifications.service.server.ts.
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { insertMail } from "~/modules/notifications/outbox.repository.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { composeStatusEmail, type ComposedNotice, type NoticeLinks, type NotifiedStage } from "./patient-notice";

export type ChannelId = "email";

export type PatientChannel = {
  readonly id: ChannelId;
  /** The patient's address on this channel, read from the case; null when the case gives none. */
  addressOf(caseData: unknown): string | null;
  /** The notice as this channel shows it, in the patient's language (`t` is fixed to it). */
  compose(stage: NotifiedStage, links: NoticeLinks, t: TFunction): ComposedNotice;
  /** Queues it inside the caller's transaction; the channel's sender delivers it after commit, retrying on failure. */
  enqueue(
    trx: Database,
    notice: ComposedNotice & { referralId: string; language: Language; to: string },
    now: Date,
  ): Promise<void>;
};

/** The mail outbox's kind for these messages (the physician's use their own kinds). */
export const PATIENT_STATUS_MAIL = "patient_status";

export const emailChannel: PatientChannel = {
  id: "email",
  addressOf(caseData) {
    const email = (caseData as { patient?: { email?: unknown } } | null)?.patient?.email;
    return typeof email === "string" && email.includes("@") ? email : null;
  },
  compose: composeStatusEmail,
  async enqueue(trx, notice, now) {
    await insertMail(trx, {
      id: newId(),
      created_at: now.toISOString(),
      referral_id: notice.referralId,
      kind: PATIENT_STATUS_MAIL,
      to_address: notice.to,
      language: notice.language,
      subject: notice.subject,
      body_text: notice.text,
      status: "pending",
      attempts: 0,
      next_attempt_at: now.toISOString(),
    });
  },
};

/** Every channel the portal can send on, in the order they are tried. */
export const patientChannels: readonly PatientChannel[] = [emailChannel];

export function channelById(id: string): PatientChannel | undefined {
  return patientChannels.find((channel) => channel.id === id);
}
