import { todayAt } from "~/modules/referrals/clock.server";
import { listSites } from "~/modules/sites/sites.repository.server";
import type { Database } from "~/utils/db.server";

/**
 * Each site's calendar date at `now`, in the site's own time zone. A grant's dates are the host's days, so whether it
 * is in force is always asked with the host's today, never the server's or the visitor's.
 */
export async function todayBySite(db: Database, now: Date): Promise<Record<string, string>> {
  const sites = await listSites(db);
  return Object.fromEntries(sites.map((site) => [site.code, todayAt(site.timezone, now)]));
}
