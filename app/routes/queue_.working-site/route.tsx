import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/accounts/guards.server";
import { staffRoles } from "~/modules/queue/staff.server";
import { switchWorkingSite } from "~/modules/staff-exchange/working-site.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

// The "working for" switch of the queue posts here. Nothing to show: a GET goes to the queue.
export const loader = () => redirect("/queue");

/**
 * Stores the chosen site on the server-side session, only if a staff-exchange grant allows it now (or it is the
 * person's own site). The choice is checked again on every later request; see requireStaff.
 */
export async function action({ request }: ActionFunctionArgs) {
  const now = new Date();
  const user = await requireRole(request, staffRoles, now);
  if (!user.siteCode) throw new Response(null, { status: 403 });
  const site = (await request.formData()).get("site");
  if (typeof site !== "string") throw new Response(null, { status: 400 });
  const result = await switchWorkingSite(await getDb(), user, site, { now, ip: clientIp(request) });
  // Refused: the grant ended (or was revoked) after the page was shown; the queue says so.
  return redirect(result.kind === "refused" ? "/queue?exchange=ended" : "/queue");
}
