import { requireRole } from "~/modules/accounts/guards.server";
import type { SessionUser } from "~/modules/accounts/session.server";
import { listSites } from "~/modules/sites/sites.repository.server";
import type { Database } from "~/utils/db.server";

export const staffRoles = ["coordinator", "reviewer"] as const;

/** A signed-in coordinator or reviewer and the one site every query of theirs is bound to. */
export type Staff = SessionUser & { role: (typeof staffRoles)[number]; siteCode: string };

/** The guard of every /queue loader and action: an active coordinator or reviewer with a site; anyone else 403. */
export async function requireStaff(request: Request): Promise<Staff> {
  const user = await requireRole(request, staffRoles);
  // A staff account without a site has no queue: nothing to show, nothing to guess.
  if (!user.siteCode) throw new Response(null, { status: 403 });
  return user as Staff;
}

export type SiteClock = { code: string; country: string; timezone: string };

/** The site's country (its working-day calendar) and time zone (its "today"). */
export async function siteClockOf(db: Database, siteCode: string): Promise<SiteClock> {
  const site = (await listSites(db)).find((s) => s.code === siteCode);
  return { code: siteCode, country: site?.country ?? "KR", timezone: site?.timezone ?? "Asia/Seoul" };
}
