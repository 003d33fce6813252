import { nationalIdIn, nationalIdRefusedKey } from "~/domain/case/national-id";
import type { SessionUser } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { insertMessage, messagesOf } from "~/modules/queue/queue.repository.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { intakeKeys, type FieldIssue } from "./intake-form";

export type MessageView = {
  id: string;
  body: string;
  at: string;
  fromYou: boolean;
  role: string;
  familyName: string;
  givenName: string;
};

const MAX_MESSAGE = 4000;

/** The conversation with the receiving site's team, oldest first (internal notes are never part of it). */
export async function messagesForPhysician(db: Database, referralId: string): Promise<MessageView[]> {
  // Only the referral's own physician can write as a physician on it, so those messages are "yours".
  return (await messagesOf(db, referralId)).map((m) => ({
    id: m.id,
    body: m.body,
    at: m.created_at,
    fromYou: m.author_role === "physician",
    role: m.author_role,
    familyName: m.family_name,
    givenName: m.given_name,
  }));
}

/** A physician's message to the team that has the referral: stored with it and audited. */
export async function sendPhysicianMessage(
  db: Database,
  input: { user: SessionUser; referral: Pick<Referral, "id">; body: string; now: Date; ip?: string | null },
): Promise<{ ok: true } | { ok: false; issues: FieldIssue[] }> {
  const body = input.body.trim();
  const issues: FieldIssue[] = [];
  const nationalId = nationalIdIn(body);
  if (!body) issues.push({ path: "message", key: intakeKeys.required });
  else if (nationalId) issues.push({ path: "message", key: nationalIdRefusedKey[nationalId] });
  else if (body.length > MAX_MESSAGE) issues.push({ path: "message", key: intakeKeys.tooLong });
  if (issues.length) return { ok: false, issues };
  await db.transaction().execute(async (trx) => {
    const id = newId();
    await insertMessage(trx, {
      id,
      referral_id: input.referral.id,
      author_id: input.user.id,
      author_role: "physician",
      body,
      created_at: input.now.toISOString(),
    });
    const audit = auditBy(trx, { id: input.user.id, role: "physician" }, input);
    await audit("referral.message_sent", ["referral", input.referral.id], { messageId: id });
  });
  return { ok: true };
}
