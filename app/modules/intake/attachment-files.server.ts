// Where a referral's files live and how they are described: the limits, the store under the data directory, the view
// of a stored file, and who may add files (the referral's own physician while drafting or asked for more).
import path from "node:path";
import type { AttachmentFacts } from "~/domain/case/attachment";
import type { attachmentKinds } from "~/domain/case/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import type { ReferralRow } from "~/modules/referrals/referrals.repository.server";
import { env } from "~/utils/env.server";
import type { AttachmentRow } from "./intake.repository.server";

export type Kind = (typeof attachmentKinds)[number];

export type UploadLimits = { maxFileBytes: number; maxReferralBytes: number };

export function uploadLimits(): UploadLimits {
  const config = env();
  return { maxFileBytes: config.ATTACHMENT_MAX_FILE_BYTES, maxReferralBytes: config.ATTACHMENT_MAX_REFERRAL_BYTES };
}

/** Where the files live: outside the database, under the data directory. */
export function attachmentsRoot(): string {
  return path.resolve(env().DATA_DIR, "attachments");
}

export type AttachmentView = AttachmentFacts;

export function viewOf(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}

export type RefusalCode =
  "too_large" | "referral_full" | "type_not_allowed" | "name_mismatch" | "empty" | "rrn_in_name" | "my_number_in_name";
export type FileOutcome =
  { fileName: string; ok: true; attachment: AttachmentView } | { fileName: string; ok: false; code: RefusalCode };

export type UploadResult =
  | { ok: true; files: FileOutcome[]; fields: Record<string, string> }
  | {
      ok: false;
      status: 400 | 403 | 404 | 409 | 413;
      code: "csrf" | "not_found" | "closed" | "too_large" | "malformed" | "no_files";
    };

/** States in which a physician may add files: while drafting, and while the site waits for more information. */
export const openForFiles = new Set(["draft", "info_requested"]);

export function ownReferral(user: SessionUser, referral: ReferralRow | undefined): referral is ReferralRow {
  return !!referral && user.role === "physician" && canSeeReferral(user, referral);
}
