import type { Kysely } from "kysely";
import { addDays, localDateTime, zonedInstant } from "../app/domain/scheduling/zoned-time";
import { expandWeeklyPattern } from "../app/domain/scheduling/weekly-pattern";
import { holidaysOf } from "../app/modules/referrals/calendar.server";
import { newId } from "../app/utils/tokens.server";
import type { DB } from "./types";

/**
 * Demo consultation slots, so a coordinator trying the portal finds free times when scheduling: each site's weekdays
 * for the next four weeks at 09:00, 10:30 and 14:00 (its own time zone), public holidays left out, as a weekly pattern
 * on the slots page makes them. Demo databases only.
 */
export async function seedDemoSlots(db: Kysely<DB>, now: Date): Promise<{ lines: string[] }> {
  const sites = await db.selectFrom("sites").select(["code", "country", "timezone"]).execute();
  const coordinators = await db
    .selectFrom("users")
    .select(["id", "site_code"])
    .where("role", "=", "coordinator")
    .execute();
  let count = 0;
  for (const site of sites) {
    const today = localDateTime(now, site.timezone).date;
    const { slots } = expandWeeklyPattern(
      {
        from: addDays(today, 1),
        to: addDays(today, 28),
        weekdays: [1, 2, 3, 4, 5],
        times: ["09:00", "10:30", "14:00"],
      },
      holidaysOf(site.country),
    );
    const by = coordinators.find((c) => c.site_code === site.code)?.id ?? null;
    const rows = slots.map((s) => ({
      id: newId(),
      site_code: site.code,
      starts_at: zonedInstant(s.date, s.time, site.timezone).toISOString(),
      local_date: s.date,
      local_time: s.time,
      duration_minutes: 60,
      kind: "planned",
      referral_id: null,
      booked_at: null,
      created_by: by,
      created_at: now.toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 80)
      await db
        .insertInto("consultation_slots")
        .values(rows.slice(i, i + 80))
        .execute();
    count += rows.length;
  }
  return { lines: [`demo consultation slots: ${count} over the next four weeks at both sites`] };
}
