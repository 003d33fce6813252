import { recordAudit } from "~/modules/audit/audit.service.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { notifyPhysician } from "./physician-notice.server";
import { insertMessage, insertNote } from "./queue.repository.server";
import type { Staff } from "./staff.server";
import { referralForStaff, type StaffContext } from "./triage.service.server";

/** An internal note: staff of the site only, never shown to the physician or the patient. */
export async function addNote(
  db: Database,
  staff: Staff,
  id: string,
  body: string,
  ctx: StaffContext,
): Promise<boolean> {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return false;
  await db.transaction().execute(async (trx) => {
    const noteId = newId();
    await insertNote(trx, {
      id: noteId,
      referral_id: id,
      author_id: staff.id,
      body,
      created_at: ctx.now.toISOString(),
    });
    // The audit says a note was written, never what it says.
    await recordAudit(trx, {
      actor: { id: staff.id, role: staff.role },
      action: "referral.note_added",
      subjectType: "referral",
      subjectId: id,
      detail: { noteId },
      ip: ctx.ip,
      at: ctx.now,
    });
  });
  return true;
}

/** A message to the referring physician: kept with the referral, and the physician is told by mail that it waits. */
export async function sendMessage(
  db: Database,
  staff: Staff,
  id: string,
  body: string,
  ctx: StaffContext,
): Promise<boolean> {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return false;
  await db.transaction().execute(async (trx) => {
    const messageId = newId();
    await insertMessage(trx, {
      id: messageId,
      referral_id: id,
      author_id: staff.id,
      author_role: staff.role,
      body,
      created_at: ctx.now.toISOString(),
    });
    await recordAudit(trx, {
      actor: { id: staff.id, role: staff.role },
      action: "referral.message_sent",
      subjectType: "referral",
      subjectId: id,
      detail: { messageId },
      ip: ctx.ip,
      at: ctx.now,
    });
    await notifyPhysician(trx, { kind: "message", referral, speaksFor: referral.siteCode, ctx });
  });
  return true;
}
