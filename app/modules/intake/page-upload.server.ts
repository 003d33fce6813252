import type { Database } from "~/utils/db.server";
import { csrfHeaderName } from "~/utils/csrf.server";
import { uploadLimits } from "./attachment-files.server";
import { receiveUploads, uploadAnswer, type UploadInput } from "./upload-receiver.server";

type Uploader = Pick<UploadInput, "user" | "referralId" | "now" | "ip">;

/**
 * Files posted to a referral by a page's own upload form (the referral page, the draft's documents step). Without
 * JavaScript the CSRF token is the body's first part, which the receiver checks before reading any file; the page's
 * script sends it in the header instead. A refused token is a 403; anything else is the answer the page shows, with
 * the status to send it with.
 */
export async function receivePageUpload(db: Database, request: Request, uploader: Uploader) {
  const result = await receiveUploads(db, {
    ...uploader,
    request,
    csrfInFirstPart: !request.headers.has(csrfHeaderName),
  });
  if (!result.ok && result.status === 403) throw new Response(null, { status: 403 });
  return { upload: uploadAnswer(result), status: result.ok ? 200 : result.status };
}

/** The largest file the upload form takes, in whole megabytes, for its hint. */
export function maxFileMb(): number {
  return Math.floor(uploadLimits().maxFileBytes / (1024 * 1024));
}
