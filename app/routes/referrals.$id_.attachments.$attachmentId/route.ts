import fs from "node:fs";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/accounts/guards.server";
import { openAttachment } from "~/modules/intake/attachments.service.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { asWorkingUser } from "~/modules/staff-exchange/working-site.server";
import { getDb } from "~/utils/db.server";
import { contentDisposition } from "~/utils/content-disposition";

/**
 * A referral's file, for its physician and the staff of its site only (anyone else: 404 without data), always as a
 * download (never rendered in the portal's origin), each opening written to the audit log.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const db = await getDb();
  // Staff open the files of the site they work for on this request (a visitor's host, while a grant is in force).
  const user = await asWorkingUser(db, await requireUser(request, now), now);
  const found = await openAttachment(db, {
    user,
    referralId: params.id ?? "",
    attachmentId: params.attachmentId ?? "",
    now,
    ip: clientIp(request),
  });
  if (!found) throw notFound();
  const body = createReadableStreamFromReadable(fs.createReadStream(found.filePath));
  return new Response(body, {
    headers: {
      "Content-Type": found.file.mediaType,
      "Content-Length": String(found.file.sizeBytes),
      "Content-Disposition": contentDisposition(found.file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
