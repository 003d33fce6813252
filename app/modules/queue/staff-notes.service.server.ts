import { auditBy } from "~/modules/audit/audit.service.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { notifyPhysician } from "./physician-notice.server";
import { insertMessage, insertNote } from "./queue.repository.server";
import type { Staff } from "./staff.server";
import { referralForStaff, type StaffContext } from "./triage.service.server";

/**
 * Writes one piece of staff text about a referral the staff member may see, with its audit event, in one
 * transaction. The audit names the text's id, never what it says. False when the referral is not theirs.
 */
async function writeStaffText(
  db: Database,
  staff: Staff,
  id: string,
  ctx: StaffContext,
  write: (
    trx: Database,
    textId: string,
    referral: Referral,
  ) => Promise<{ action: string; detail: Record<string, unknown> }>,
): Promise<boolean> {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return false;
  await db.transaction().execute(async (trx) => {
    const { action, detail } = await write(trx, newId(), referral);
    const audit = auditBy(trx, staff, ctx);
    await audit(action, ["referral", id], detail);
  });
  return true;
}

/** An internal note: staff of the site only, never shown to the physician or the patient. */
export function addNote(db: Database, staff: Staff, id: string, body: string, ctx: StaffContext): Promise<boolean> {
  return writeStaffText(db, staff, id, ctx, async (trx, noteId) => {
    await insertNote(trx, {
      id: noteId,
      referral_id: id,
      author_id: staff.id,
      body,
      created_at: ctx.now.toISOString(),
    });
    return { action: "referral.note_added", detail: { noteId } };
  });
}

/** A message to the referring physician: kept with the referral, and the physician is told by mail that it waits. */
export function sendMessage(db: Database, staff: Staff, id: string, body: string, ctx: StaffContext): Promise<boolean> {
  return writeStaffText(db, staff, id, ctx, async (trx, messageId, referral) => {
    await insertMessage(trx, {
      id: messageId,
      referral_id: id,
      author_id: staff.id,
      author_role: staff.role,
      body,
      created_at: ctx.now.toISOString(),
    });
    await notifyPhysician(trx, { kind: "message", referral, speaksFor: referral.siteCode, ctx });
    return { action: "referral.message_sent", detail: { messageId } };
  });
}
