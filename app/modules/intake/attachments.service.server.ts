import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { attachmentKinds } from "~/domain/case/schema";
import { nationalIdIn } from "~/domain/case/national-id";
import type { SessionUser } from "~/modules/accounts/session.server";
import { recordAudit } from "~/modules/audit/audit.service.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { auditPartnerRead, referralForPartner } from "~/modules/joint-review/joint-access.server";
import { findReferral, type ReferralRow } from "~/modules/referrals/referrals.repository.server";
import { csrfFieldName, isCsrfFieldValid } from "~/utils/csrf.server";
import type { Database } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { newId } from "~/utils/tokens.server";
import {
  attachmentsOf,
  bytesUsed,
  findAttachment,
  insertAttachment,
  markAttachmentRemoved,
  type AttachmentRow,
} from "./intake.repository.server";
import { sniff, SNIFF_BYTES, type AllowedMediaType } from "./sniff";
import { MULTIPART_OVERHEAD_BYTES, uploadFilesHeader } from "./upload-protocol";
import { withoutInvisibleControls } from "~/domain/names";

type Kind = (typeof attachmentKinds)[number];

export type UploadLimits = { maxFileBytes: number; maxReferralBytes: number };

export function uploadLimits(): UploadLimits {
  const config = env();
  return { maxFileBytes: config.ATTACHMENT_MAX_FILE_BYTES, maxReferralBytes: config.ATTACHMENT_MAX_REFERRAL_BYTES };
}

/** Where the files live: outside the database, under the data directory. */
export function attachmentsRoot(): string {
  return path.resolve(env().DATA_DIR, "attachments");
}

export type AttachmentView = {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
};

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
const openForFiles = new Set(["draft", "info_requested"]);

function ownReferral(user: SessionUser, referral: ReferralRow | undefined): referral is ReferralRow {
  return !!referral && user.role === "physician" && canSeeReferral(user, referral);
}

class CsrfRefused extends Error {}

/** Writes one chunk, waiting when the disk is slower than the network (never holding the upload in memory). */
async function write(stream: fs.WriteStream, chunk: Uint8Array) {
  if (!stream.write(chunk)) await once(stream, "drain");
}

async function closeStream(stream: fs.WriteStream) {
  if (stream.closed) return;
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

async function drain(data: AsyncIterable<Uint8Array>) {
  for await (const _chunk of data) {
    // discarded: the rest of a refused file, read only so the next part can be parsed
  }
}

/** A text field of the form, read up to a small limit (anything beyond is discarded, never buffered). */
async function readText(data: AsyncIterable<Uint8Array>, limit = 4096): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of data) {
    if (size < limit) chunks.push(Buffer.from(chunk.subarray(0, limit - size)));
    size += chunk.length;
  }
  return Buffer.concat(chunks).toString("utf8");
}

function kindFor(requested: string | undefined, mediaType: AllowedMediaType): Kind {
  // The content decides what is obviously so: a DICOM file is imaging, whatever was chosen in the list.
  if (mediaType === "application/dicom") return "dicom";
  const kind = (attachmentKinds as readonly string[]).includes(requested ?? "") ? (requested as Kind) : "other";
  return kind === "dicom" && mediaType !== "application/zip" ? "imaging_report" : kind;
}

type Staged = {
  tempPath: string;
  fileName: string;
  kind: Kind;
  mediaType: AllowedMediaType;
  sizeBytes: number;
  sha256: string;
  order: number;
};

export type UploadInput = {
  user: SessionUser;
  referralId: string;
  request: Request;
  now: Date;
  ip?: string | null;
  /** The form was posted without JavaScript: its first part must be the CSRF token (server/csrf-guard.ts). */
  csrfInFirstPart: boolean;
  limits?: UploadLimits;
};

/**
 * Receives a multipart upload of one or more files for a physician's own referral, STREAMING each file to a temporary
 * file while it arrives (SHA-256 and size computed on the way, the first bytes kept to tell its type), so no upload
 * is ever held in memory. Files over the size limits or of a type the portal does not take are refused one by one;
 * the others are moved under ${DATA_DIR}/attachments/ and recorded (with an audit event each) in one transaction.
 */
export async function receiveUploads(db: Database, input: UploadInput): Promise<UploadResult> {
  const { user, referralId, request, now } = input;
  const limits = input.limits ?? uploadLimits();
  const referral = await findReferral(db, referralId);
  if (!ownReferral(user, referral)) return { ok: false, status: 404, code: "not_found" };
  if (!openForFiles.has(referral.status)) return { ok: false, status: 409, code: "closed" };

  let used = await bytesUsed(db, referralId);
  // A body larger than everything still allowed is refused before a byte of it is read; so is one larger than the
  // files it says it carries may be (the page's JavaScript names the count), e.g. a single 300 MB file.
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  const fileCount = Number(request.headers.get(uploadFilesHeader) ?? NaN);
  const overhead = MULTIPART_OVERHEAD_BYTES;
  if (Number.isFinite(declared) && declared > limits.maxReferralBytes - used + overhead)
    return { ok: false, status: 413, code: "too_large" };
  if (
    Number.isFinite(declared) &&
    Number.isInteger(fileCount) &&
    fileCount > 0 &&
    declared > fileCount * limits.maxFileBytes + overhead
  ) {
    return { ok: false, status: 413, code: "too_large" };
  }

  const root = attachmentsRoot();
  const tempDir = path.join(root, "tmp");
  await fs.promises.mkdir(tempDir, { recursive: true });

  const staged: Staged[] = [];
  // Outcomes are told in the order the files were chosen.
  const refused: (FileOutcome & { order: number })[] = [];
  let fileIndex = 0;
  const fields: Record<string, string> = {};
  let partIndex = 0;

  const handler: UploadHandler = async (part) => {
    const index = partIndex++;
    if (index === 0 && input.csrfInFirstPart) {
      // The token must come first, before any file is read or written.
      if (part.name !== csrfFieldName || part.filename !== undefined) throw new CsrfRefused();
      if (!isCsrfFieldValid(request, await readText(part.data, 256))) throw new CsrfRefused();
      return undefined;
    }
    if (part.filename === undefined) {
      fields[part.name] = await readText(part.data);
      return undefined;
    }
    const fileName = withoutInvisibleControls(part.filename.normalize("NFC")).slice(0, 255);
    if (fileName === "") {
      // An empty file input is sent as a nameless, empty part: nothing was chosen.
      await drain(part.data);
      return undefined;
    }
    const order = fileIndex++;
    const nationalId = nationalIdIn(fileName);
    if (nationalId) {
      await drain(part.data);
      refused.push({
        fileName: "",
        ok: false,
        code: nationalId === "rrn" ? "rrn_in_name" : "my_number_in_name",
        order,
      });
      return undefined;
    }
    const tempPath = path.join(tempDir, newId());
    const out = fs.createWriteStream(tempPath, { flags: "wx", mode: 0o600 });
    const hash = crypto.createHash("sha256");
    const head: Buffer[] = [];
    let headSize = 0;
    let size = 0;
    let refusal: RefusalCode | null = null;
    try {
      for await (const chunk of part.data) {
        if (refusal) continue; // keep reading (the parser needs it) but keep nothing
        size += chunk.length;
        if (size > limits.maxFileBytes) refusal = "too_large";
        else if (used + size > limits.maxReferralBytes) refusal = "referral_full";
        if (refusal) {
          await closeStream(out);
          await fs.promises.rm(tempPath, { force: true });
          continue;
        }
        if (headSize < SNIFF_BYTES) {
          const piece = Buffer.from(chunk.subarray(0, SNIFF_BYTES - headSize));
          head.push(piece);
          headSize += piece.length;
        }
        hash.update(chunk);
        await write(out, chunk);
      }
      await closeStream(out);
    } catch (error) {
      out.destroy();
      await fs.promises.rm(tempPath, { force: true });
      throw error;
    }
    if (refusal) {
      refused.push({ fileName, ok: false, code: refusal, order });
      return undefined;
    }
    const verdict = sniff(Buffer.concat(head), fileName);
    if (!verdict.ok) {
      await fs.promises.rm(tempPath, { force: true });
      refused.push({ fileName, ok: false, code: verdict.code, order });
      return undefined;
    }
    used += size;
    staged.push({
      tempPath,
      fileName,
      kind: kindFor(fields.kind, verdict.mediaType),
      mediaType: verdict.mediaType,
      sizeBytes: size,
      sha256: hash.digest("hex"),
      order,
    });
    return undefined;
  };

  const cleanUp = () => Promise.all(staged.map((s) => fs.promises.rm(s.tempPath, { force: true })));
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    await cleanUp();
    if (error instanceof CsrfRefused) return { ok: false, status: 403, code: "csrf" };
    // A cut connection or a malformed body: the user's files are not lost on their side; say so plainly.
    logger.warn({ err: error instanceof Error ? error.name : "unknown" }, "upload could not be read");
    return { ok: false, status: 400, code: "malformed" };
  }
  if (input.csrfInFirstPart && partIndex === 0) return { ok: false, status: 403, code: "csrf" };

  const outcomes: (FileOutcome & { order: number })[] = [...refused];
  if (staged.length) {
    const dir = path.join(root, referralId);
    await fs.promises.mkdir(dir, { recursive: true });
    const at = now.toISOString();
    const rows = staged.map((s) => ({ staged: s, id: newId() }));
    try {
      for (const { staged: s, id } of rows) await fs.promises.rename(s.tempPath, path.join(dir, id));
      await db.transaction().execute(async (trx) => {
        // The referral may have been submitted or withdrawn while the files were arriving.
        const current = await findReferral(trx, referralId);
        if (!current || !openForFiles.has(current.status)) throw new Error("referral_closed");
        for (const { staged: s, id } of rows) {
          await insertAttachment(trx, {
            id,
            referral_id: referralId,
            kind: s.kind,
            file_name: s.fileName,
            media_type: s.mediaType,
            size_bytes: s.sizeBytes,
            sha256: s.sha256,
            storage_key: `${referralId}/${id}`,
            uploaded_by: user.id,
            uploaded_at: at,
            removed_at: null,
          });
          // No file name in the audit log: names often carry the patient's.
          await recordAudit(trx, {
            actor: { id: user.id, role: user.role },
            action: "attachment.uploaded",
            subjectType: "referral",
            subjectId: referralId,
            detail: {
              attachmentId: id,
              kind: s.kind,
              mediaType: s.mediaType,
              sizeBytes: s.sizeBytes,
              sha256: s.sha256,
            },
            ip: input.ip ?? null,
            at: now,
          });
        }
      });
    } catch (error) {
      await Promise.all(rows.map(({ id }) => fs.promises.rm(path.join(dir, id), { force: true })));
      await cleanUp();
      if (error instanceof Error && error.message === "referral_closed")
        return { ok: false, status: 409, code: "closed" };
      throw error;
    }
    for (const { staged: s, id } of rows) {
      outcomes.push({
        fileName: s.fileName,
        ok: true,
        attachment: {
          id,
          kind: s.kind,
          fileName: s.fileName,
          mediaType: s.mediaType,
          sizeBytes: s.sizeBytes,
          sha256: s.sha256,
          uploadedAt: at,
        },
        order: s.order,
      });
    }
  }
  if (outcomes.length === 0) return { ok: false, status: 400, code: "no_files" };
  return {
    ok: true,
    files: outcomes.sort((a, b) => a.order - b.order).map(({ order: _order, ...outcome }) => outcome),
    fields,
  };
}

/** The upload outcome as the browser is told it: names and refusal codes (the JSON door and the no-JS page alike). */
export function uploadAnswer(result: UploadResult): {
  files?: { fileName: string; ok: boolean; code?: string }[];
  error?: string;
} {
  if (!result.ok) return { error: result.code };
  return { files: result.files.map((f) => ({ fileName: f.fileName, ok: f.ok, ...(f.ok ? {} : { code: f.code }) })) };
}

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
    await recordAudit(trx, {
      actor: { id: input.user.id, role: input.user.role },
      action: "attachment.removed",
      subjectType: "referral",
      subjectId: input.referralId,
      detail: { attachmentId: row.id },
      ip: input.ip ?? null,
      at: input.now,
    });
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
  await recordAudit(db, {
    actor: { id: input.user.id, role: input.user.role },
    action: "attachment.downloaded",
    subjectType: "referral",
    subjectId: input.referralId,
    detail: { attachmentId: row.id },
    ip: input.ip ?? null,
    at: input.now,
  });
  return downloadOf(row, filePath);
}
