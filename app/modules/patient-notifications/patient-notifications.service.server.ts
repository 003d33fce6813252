// Patient notifications (issue #17, item 1; docs/decisions/0020-patient-notifications-and-status-language.md).
// Called inside the transaction of every status change (referrals.service.server.ts), so a notice is queued exactly
// when the change commits, and the outbox's sender delivers it afterwards with its retries. The patient opted in at
// intake (`consent.statusUpdates`); each notice carries its own random unsubscribe token (only the hash is kept),
// and one click on any of them stops the referral's notices on that channel — audited, with no sign-in.
import type { WorkflowAction } from "~/domain/workflow/transitions";
import type { ReferralStatus } from "~/domain/workflow/states";
import { fallbackLanguage, isLanguage, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import type { ReferralRow } from "~/modules/referrals/referrals.repository.server";
import { STATUS_PAGE_PATH } from "~/modules/status-lookup/status-page";
import type { Database } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { randomToken, sha256Hex } from "~/utils/tokens.server";
import { channelById, patientChannels } from "./channels.server";
import { stageToNotify } from "./patient-notice";
import { findNoticeToken, findStop, insertNoticeToken, insertStop } from "./patient-notifications.repository.server";

/** Where a notice's unsubscribe link points (the token follows); a page of its own, no sign-in. */
export const UNSUBSCRIBE_PATH = "/status/stop-emails";

const NOTICE_NAMESPACES = ["patient-notices", "status"];

function caseOf(row: ReferralRow): unknown {
  try {
    return JSON.parse(row.case_json) as unknown;
  } catch {
    return null;
  }
}

function optedIn(caseData: unknown): boolean {
  return (caseData as { consent?: { statusUpdates?: unknown } } | null)?.consent?.statusUpdates === true;
}

/** The patient's language for their notices (the case's preferred language). */
export function noticeLanguage(row: Pick<ReferralRow, "patient_language">): Language {
  return isLanguage(row.patient_language) ? row.patient_language : fallbackLanguage;
}

/**
 * Queues the patient's notice for a step, when the step changed what their status page shows in a way they are
 * told of, they opted in, and they have not stopped this channel. Runs inside the step's transaction.
 */
export async function notifyPatientOfStep(
  trx: Database,
  input: { referral: ReferralRow; from: ReferralStatus | null; action: WorkflowAction; now: Date },
) {
  const { referral, now } = input;
  const stage = stageToNotify(input.from, referral.status as ReferralStatus, input.action);
  if (!stage) return;
  const caseData = caseOf(referral);
  if (!optedIn(caseData)) return;
  const language = noticeLanguage(referral);
  const t = tFor(language, NOTICE_NAMESPACES);
  const base = env().publicUrl;
  for (const channel of patientChannels) {
    const to = channel.addressOf(caseData);
    if (!to || (await findStop(trx, referral.id, channel.id))) continue;
    const token = randomToken();
    await insertNoticeToken(trx, {
      token_hash: sha256Hex(token),
      referral_id: referral.id,
      channel: channel.id,
      created_at: now.toISOString(),
    });
    const notice = channel.compose(
      stage,
      { status: `${base}${STATUS_PAGE_PATH}`, unsubscribe: `${base}${UNSUBSCRIBE_PATH}/${token}` },
      t,
    );
    await channel.enqueue(trx, { ...notice, referralId: referral.id, language, to }, now);
  }
}

/** A token's shape: what randomToken() makes (base64url), so junk never reaches the database. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export type StopState = { kind: "unknown" } | { kind: "active" | "stopped"; language: Language };

/** What an unsubscribe link opens: unknown, still sending, or already stopped (nothing about the referral). */
export async function stopState(db: Database, token: string): Promise<StopState> {
  if (!TOKEN_SHAPE.test(token)) return { kind: "unknown" };
  const found = await findNoticeToken(db, sha256Hex(token));
  if (!found) return { kind: "unknown" };
  return {
    kind: (await findStop(db, found.referral_id, found.channel)) ? "stopped" : "active",
    language: noticeLanguage(found),
  };
}

/** Stops the notices the token's referral gets on the token's channel; the first stop is audited. */
export async function stopNotices(
  db: Database,
  token: string,
  ctx: { now: Date; ip: string | null },
): Promise<StopState> {
  if (!TOKEN_SHAPE.test(token)) return { kind: "unknown" };
  return db.transaction().execute(async (trx): Promise<StopState> => {
    const found = await findNoticeToken(trx, sha256Hex(token));
    if (!found || !channelById(found.channel)) return { kind: "unknown" };
    const recorded = await insertStop(trx, found.referral_id, found.channel, ctx.now.toISOString());
    if (recorded) {
      const audit = auditBy(trx, null, ctx);
      await audit("patient_notice.stopped", ["referral", found.referral_id], { channel: found.channel });
    }
    return { kind: "stopped", language: noticeLanguage(found) };
  });
}
