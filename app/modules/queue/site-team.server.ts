import { todayAt } from "~/modules/referrals/clock.server";
import { visitorsOn } from "~/modules/staff-exchange/staff-exchange.repository.server";
import type { Database } from "~/utils/db.server";
import { siteStaff } from "./queue.repository.server";
import { siteClockOf } from "./staff.server";

/**
 * The people who can hold a site's referrals at `now`: its own active coordinators and reviewers, and visitors whose
 * staff-exchange grant at the site covers the site's today (ADR 0017: a visitor works as a member of the host's team).
 */
export async function siteTeam(db: Database, siteCode: string, now: Date) {
  const { timezone } = await siteClockOf(db, siteCode);
  const [own, visitors] = await Promise.all([
    siteStaff(db, siteCode),
    visitorsOn(db, siteCode, todayAt(timezone, now)),
  ]);
  const known = new Set(own.map((p) => p.id));
  const team = [...own, ...visitors.filter((v) => !known.has(v.id))];
  // One list in one order, as siteStaff gives it (SQLite's binary order): by family name, then given name.
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return team.sort((a, b) => byCodeUnits(a.family_name, b.family_name) || byCodeUnits(a.given_name, b.given_name));
}
