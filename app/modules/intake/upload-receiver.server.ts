// Receiving a multipart upload of files for a physician's own referral, streamed: each file goes to a temporary file
// while it arrives (SHA-256 and size computed on the way, the first bytes kept to tell its type), so no upload is ever
// held in memory. Files over the limits, of a type the portal does not take, or named with a national identifier
// are refused one by one; the others are moved into the store and recorded, with an audit event each, in one
// transaction.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { attachmentKinds } from "~/domain/case/schema";
import { nationalIdIn } from "~/domain/case/national-id";
import { withoutInvisibleControls } from "~/domain/names";
import type { SessionUser } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { csrfFieldName, isCsrfFieldValid } from "~/utils/csrf.server";
import type { Database } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { newId } from "~/utils/tokens.server";
import {
  attachmentsRoot,
  openForFiles,
  ownReferral,
  uploadLimits,
  type FileOutcome,
  type Kind,
  type RefusalCode,
  type UploadLimits,
  type UploadResult,
} from "./attachment-files.server";
import { bytesUsed, insertAttachment } from "./intake.repository.server";
import { sniff, SNIFF_BYTES, type AllowedMediaType } from "./sniff";
import { MULTIPART_OVERHEAD_BYTES, uploadFilesHeader } from "./upload-protocol";

class CsrfRefused extends Error {}
class ReferralClosed extends Error {}

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

/** An outcome with the place of its file among those chosen: outcomes are told in that order. */
type Ordered = FileOutcome & { order: number };

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

/** What the parts read so far have given: files kept and refused, the form's text fields, bytes in use. */
type Reception = {
  staged: Staged[];
  refused: Ordered[];
  fields: Record<string, string>;
  parts: number;
  files: number;
  used: number;
};

type Refusal = Exclude<UploadResult, { ok: true }>;

/**
 * Refusals before a byte of the body is read: not the physician's referral, closed to files, or a body larger than
 * everything still allowed, or than the files it says it carries may be (the page's JavaScript names the count),
 * e.g. a single 300 MB file. Otherwise the bytes the referral's files already use.
 */
async function admit(db: Database, input: UploadInput, limits: UploadLimits): Promise<Refusal | number> {
  const referral = await findReferral(db, input.referralId);
  if (!ownReferral(input.user, referral)) return { ok: false, status: 404, code: "not_found" };
  if (!openForFiles.has(referral.status)) return { ok: false, status: 409, code: "closed" };
  const used = await bytesUsed(db, input.referralId);
  const declared = Number(input.request.headers.get("Content-Length") ?? NaN);
  const fileCount = Number(input.request.headers.get(uploadFilesHeader) ?? NaN);
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
  return used;
}

type Written = { refusal: RefusalCode } | { tempPath: string; size: number; sha256: string; head: Buffer };

/**
 * Streams one file to a temporary file. Past a limit the file is removed and the rest of it only read (the parser
 * needs it), never kept.
 */
async function streamToTemp(
  data: AsyncIterable<Uint8Array>,
  tempDir: string,
  limits: UploadLimits,
  used: number,
): Promise<Written> {
  const tempPath = path.join(tempDir, newId());
  const out = fs.createWriteStream(tempPath, { flags: "wx", mode: 0o600 });
  const hash = crypto.createHash("sha256");
  const head: Buffer[] = [];
  let headSize = 0;
  let size = 0;
  let refusal: RefusalCode | null = null;
  try {
    for await (const chunk of data) {
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
  if (refusal) return { refusal };
  return { tempPath, size, sha256: hash.digest("hex"), head: Buffer.concat(head) };
}

/** One chosen file: refused for a national identifier in its name, its size or its type, or staged. */
async function receiveFile(
  data: AsyncIterable<Uint8Array>,
  fileName: string,
  r: Reception,
  tempDir: string,
  limits: UploadLimits,
) {
  const order = r.files++;
  const nationalId = nationalIdIn(fileName);
  if (nationalId) {
    await drain(data);
    r.refused.push({
      fileName: "",
      ok: false,
      code: nationalId === "rrn" ? "rrn_in_name" : "my_number_in_name",
      order,
    });
    return;
  }
  const written = await streamToTemp(data, tempDir, limits, r.used);
  if ("refusal" in written) {
    r.refused.push({ fileName, ok: false, code: written.refusal, order });
    return;
  }
  const verdict = sniff(written.head, fileName);
  if (!verdict.ok) {
    await fs.promises.rm(written.tempPath, { force: true });
    r.refused.push({ fileName, ok: false, code: verdict.code, order });
    return;
  }
  r.used += written.size;
  const kind = kindFor(r.fields.kind, verdict.mediaType);
  r.staged.push({
    tempPath: written.tempPath,
    fileName,
    kind,
    mediaType: verdict.mediaType,
    sizeBytes: written.size,
    sha256: written.sha256,
    order,
  });
}

/** The parser's handler of each part: the CSRF token first (a form without JavaScript), text fields, files. */
function partHandler(input: UploadInput, r: Reception, tempDir: string, limits: UploadLimits): UploadHandler {
  return async (part) => {
    const index = r.parts++;
    if (index === 0 && input.csrfInFirstPart) {
      // The token must come first, before any file is read or written.
      if (part.name !== csrfFieldName || part.filename !== undefined) throw new CsrfRefused();
      if (!isCsrfFieldValid(input.request, await readText(part.data, 256))) throw new CsrfRefused();
      return undefined;
    }
    if (part.filename === undefined) {
      r.fields[part.name] = await readText(part.data);
      return undefined;
    }
    const fileName = withoutInvisibleControls(part.filename.normalize("NFC")).slice(0, 255);
    // An empty file input is sent as a nameless, empty part: nothing was chosen.
    if (fileName === "") await drain(part.data);
    else await receiveFile(part.data, fileName, r, tempDir, limits);
    return undefined;
  };
}

/** Records the moved files, with an audit event each, if the referral is still open to files. */
async function recordFiles(db: Database, input: UploadInput, rows: { staged: Staged; id: string }[], at: string) {
  const { user, referralId, now } = input;
  await db.transaction().execute(async (trx) => {
    // The referral may have been submitted or withdrawn while the files were arriving.
    const current = await findReferral(trx, referralId);
    if (!current || !openForFiles.has(current.status)) throw new ReferralClosed();
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
      const audit = auditBy(trx, user, { now, ip: input.ip ?? null });
      await audit("attachment.uploaded", ["referral", referralId], {
        attachmentId: id,
        kind: s.kind,
        mediaType: s.mediaType,
        sizeBytes: s.sizeBytes,
        sha256: s.sha256,
      });
    }
  });
}

/** Moves the staged files into the store and records them: their outcomes, or null when the referral closed. */
async function storeStaged(
  db: Database,
  input: UploadInput,
  staged: Staged[],
  root: string,
): Promise<Ordered[] | null> {
  const dir = path.join(root, input.referralId);
  await fs.promises.mkdir(dir, { recursive: true });
  const at = input.now.toISOString();
  const rows = staged.map((s) => ({ staged: s, id: newId() }));
  try {
    for (const { staged: s, id } of rows) await fs.promises.rename(s.tempPath, path.join(dir, id));
    await recordFiles(db, input, rows, at);
  } catch (error) {
    await Promise.all(rows.map(({ id }) => fs.promises.rm(path.join(dir, id), { force: true })));
    await Promise.all(staged.map((s) => fs.promises.rm(s.tempPath, { force: true })));
    if (error instanceof ReferralClosed) return null;
    throw error;
  }
  return rows.map(({ staged: s, id }) => ({
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
  }));
}

/**
 * Receives a multipart upload of one or more files for a physician's own referral, STREAMING each file to a temporary
 * file while it arrives, so no upload is ever held in memory. Files over the size limits or of a type the portal does
 * not take are refused one by one; the others are moved under ${DATA_DIR}/attachments/ and recorded (with an audit
 * event each) in one transaction.
 */
export async function receiveUploads(db: Database, input: UploadInput): Promise<UploadResult> {
  const limits = input.limits ?? uploadLimits();
  const admitted = await admit(db, input, limits);
  if (typeof admitted !== "number") return admitted;
  const root = attachmentsRoot();
  const tempDir = path.join(root, "tmp");
  await fs.promises.mkdir(tempDir, { recursive: true });
  const r: Reception = { staged: [], refused: [], fields: {}, parts: 0, files: 0, used: admitted };
  try {
    await unstable_parseMultipartFormData(input.request, partHandler(input, r, tempDir, limits));
  } catch (error) {
    await Promise.all(r.staged.map((s) => fs.promises.rm(s.tempPath, { force: true })));
    if (error instanceof CsrfRefused) return { ok: false, status: 403, code: "csrf" };
    // A cut connection or a malformed body: the user's files are not lost on their side; say so plainly.
    logger.warn({ err: error instanceof Error ? error.name : "unknown" }, "upload could not be read");
    return { ok: false, status: 400, code: "malformed" };
  }
  if (input.csrfInFirstPart && r.parts === 0) return { ok: false, status: 403, code: "csrf" };
  const outcomes: Ordered[] = [...r.refused];
  if (r.staged.length) {
    const stored = await storeStaged(db, input, r.staged, root);
    if (!stored) return { ok: false, status: 409, code: "closed" };
    outcomes.push(...stored);
  }
  if (outcomes.length === 0) return { ok: false, status: 400, code: "no_files" };
  return {
    ok: true,
    files: outcomes.sort((a, b) => a.order - b.order).map(({ order: _order, ...outcome }) => outcome),
    fields: r.fields,
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
