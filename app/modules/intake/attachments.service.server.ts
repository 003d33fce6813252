// A referral's files after they arrived: listing, removing from a draft, deleting with a draft, and opening one (each
// opening audited). Receiving an upload is ./upload-receiver.server.ts's; both are exported here for one import.
import fs from "node:fs";
import path from "node:path";
import type { SessionUser } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { auditPartnerRead, referralForPartner } from "~/modules/joint-review/joint-access.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import type { Database } from "~/utils/db.server";
import { attachmentsRoot, ownReferral, viewOf, type AttachmentView } from "./attachment-files.server";
import { attachmentsOf, findAttachment, markAttachmentRemoved, type AttachmentRow } from "./intake.repository.server";

export {
  attachmentsRoot,
  uploadLimits,
  viewOf,
  type AttachmentView,
  type FileOutcome,
  type RefusalCode,
  type UploadLimits,
  type UploadResult,
} from "./attachment-files.server";
export { receiveUploads, uploadAnswer, type UploadInput } from "./upload-receiver.server";

export async function listAttachments(db: Database, referralId: string): Promise<AttachmentView[]> {
  return (await attachmentsOf(db, referralId)).map(viewOf);
}

/** Removes a file from a draft (a submitted referral's files stay: the receiving team may have read them). */
export async function removeAttachment(
  db: Database,
  input: { user: SessionUser; referralId: string; attachmentId: string; now: Date; ip?: string | null },
): Promise<boolean> {
  const referral = await findReferral(db, input.referralId);
  if (!ownReferral(input.user, referral) || referral.status !== "draft") return false;
  const row = await findAttachment(db, input.referralId, input.attachmentId);
  if (!row) return false;
  await db.transaction().execute(async (trx) => {
    await markAttachmentRemoved(trx, row.id, input.now.toISOString());
    const audit = auditBy(trx, input.user, input);
    await audit("attachment.removed", ["referral", input.referralId], { attachmentId: row.id });
  });
  await fs.promises.rm(path.join(attachmentsRoot(), row.storage_key), { force: true });
  return true;
}

/** Deletes every stored file of a referral (a deleted draft). */
export async function deleteFilesOf(referralId: string) {
  await fs.promises.rm(path.join(attachmentsRoot(), referralId), { recursive: true, force: true });
}

/** A file to send: where it lies, and what the download says of it (type, size, the name it was uploaded with). */
export type Download = { file: { mediaType: string; sizeBytes: number; fileName: string }; filePath: string };

const downloadOf = (row: AttachmentRow, filePath: string): Download => ({
  file: { mediaType: row.media_type, sizeBytes: row.size_bytes, fileName: row.file_name },
  filePath,
});

/**
 * A file for someone allowed to see its referral (its physician; staff of its site), recorded in the audit log
 * (privacy.md rule 3: every opening of an attachment is logged). Null for anyone else, or a file that is not there.
 */
export async function openAttachment(
  db: Database,
  input: { user: SessionUser; referralId: string; attachmentId: string; now: Date; ip?: string | null },
): Promise<Download | null> {
  const referral = await findReferral(db, input.referralId);
  if (!referral) return null;
  // The partner site of an open joint review reads the referral's documents too; each opening is audited as theirs.
  const partner = canSeeReferral(input.user, referral) ? null : await referralForPartner(db, input.user, referral.id);
  if (!canSeeReferral(input.user, referral) && !partner) return null;
  const row = await findAttachment(db, input.referralId, input.attachmentId);
  if (!row) return null;
  const filePath = path.join(attachmentsRoot(), row.storage_key);
  if (!fs.existsSync(filePath)) return null;
  if (partner) {
    await auditPartnerRead(
      db,
      { ...input.user, siteCode: input.user.siteCode ?? "" },
      partner.review,
      "document",
      { now: input.now, ip: input.ip ?? null },
      { attachmentId: row.id },
    );
    return downloadOf(row, filePath);
  }
  const audit = auditBy(db, input.user, input);
  await audit("attachment.downloaded", ["referral", input.referralId], { attachmentId: row.id });
  return downloadOf(row, filePath);
}
