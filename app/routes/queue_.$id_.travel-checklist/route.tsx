import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/modules/queue/staff.server";
import { notFound } from "~/utils/not-found.server";
import { travelTickSchema } from "~/modules/travel-checklist/travel-checklist.schema";
import { setTravelItem } from "~/modules/travel-checklist/travel-checklist.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

// POST /queue/<id>/travel-checklist: staff of the owning site mark one checklist item done or not done, from the
// staff referral page. No page of its own: a GET, or another site's referral, is the empty 404.
export function loader(): never {
  throw notFound();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const now = new Date();
  const staff = await requireStaff(request, now);
  const id = params.id ?? "";
  const parsed = travelTickSchema.safeParse(Object.fromEntries(await request.formData()));
  const result = parsed.success
    ? await setTravelItem(await getDb(), staff, id, parsed.data, { now, ip: clientIp(request) })
    : null;
  if (result && !result.ok && result.reason === "not_found") throw notFound();
  // The buttons post only known items; anything else was not made by the page, and changes nothing.
  if (!result?.ok) throw new Response(null, { status: 400 });
  return redirect(`/queue/${id}?done=travel_item#travel-checklist`);
}
