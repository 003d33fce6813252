import type { ActionFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/accounts/guards.server";
import { receiveUploads, uploadAnswer } from "~/modules/intake/attachments.service.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

/** Nothing to show here: the door only takes uploads. */
export function loader() {
  throw notFound();
}

/**
 * The upload door of the page's JavaScript (XMLHttpRequest, for its progress events): the CSRF token comes in the
 * X-CSRF-Token header, checked by server/csrf-guard.ts without reading the body; the files stream to disk. JSON out.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["physician"]);
  const result = await receiveUploads(await getDb(), {
    user,
    referralId: params.id ?? "",
    request,
    now: new Date(),
    ip: clientIp(request),
    csrfInFirstPart: false,
  });
  if (!result.ok && result.status === 404) throw notFound();
  // A body refused unread is not drained (Node would otherwise read the rest of it): the connection closes instead.
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (!result.ok && result.status === 413) headers.Connection = "close";
  return Response.json(uploadAnswer(result), { status: result.ok ? 200 : result.status, headers });
}
