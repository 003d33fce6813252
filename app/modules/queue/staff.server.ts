import { requireRole } from "~/modules/accounts/guards.server";
import type { SessionUser } from "~/modules/accounts/session.server";
import { siteByCode, siteTimeZone } from "~/domain/routing/site-facts";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { workingSiteCode } from "~/modules/staff-exchange/working-site.server";
import { getDb, type Database } from "~/utils/db.server";

export const staffRoles = ["coordinator", "reviewer"] as const;

/**
 * A signed-in coordinator or reviewer and the one site every query of theirs is bound to: their working site, which
 * is their home site unless a staff-exchange grant lets them work for the other site now (ADR 0017).
 */
export type Staff = SessionUser & {
  role: (typeof staffRoles)[number];
  siteCode: string;
  /** The site of their account, set by requireStaff; differs from `siteCode` only while they work for a host site. */
  homeSiteCode?: string;
};

/**
 * The guard of every /queue loader and action: an active coordinator or reviewer with a site; anyone else 403.
 * The working site is decided here on every request with `now`, so an ended grant ends on the next request.
 */
export async function requireStaff(request: Request, now = new Date()): Promise<Staff> {
  const user = await requireRole(request, staffRoles, now);
  // A staff account without a site has no queue: nothing to show, nothing to guess.
  if (!user.siteCode) throw new Response(null, { status: 403 });
  const home = user as Staff;
  const siteCode = await workingSiteCode(await getDb(), home, now);
  return { ...home, siteCode, homeSiteCode: home.siteCode };
}

export type SiteClock = { code: string; country: string; timezone: string };

/** The site's country (its working-day calendar) and time zone (its "today"). */
export async function siteClockOf(db: Database, siteCode: string): Promise<SiteClock> {
  const sites = await siteFacts(db);
  // An unknown site has no holiday calendar (weekends only) and reads the portal's zone.
  return {
    code: siteCode,
    country: siteByCode(sites, siteCode)?.country ?? "",
    timezone: siteTimeZone(sites, siteCode),
  };
}
