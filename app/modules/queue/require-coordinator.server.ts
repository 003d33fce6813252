import { requireStaff, type Staff } from "./staff.server";

/**
 * The guard of the coordinators' own pages (consultation slots, scheduling a conference): a coordinator of either
 * site; a reviewer or anyone else 403. Booking and scheduling are the coordinators' work (workflow.md); reviewers
 * see what was booked on the referral and attend the conferences.
 */
export async function requireCoordinator(request: Request): Promise<Staff> {
  const staff = await requireStaff(request);
  if (staff.role !== "coordinator") throw new Response(null, { status: 403 });
  return staff;
}
