import { describe, expect, it } from "vitest";
import { isoWeekday } from "~/domain/scheduling/zoned-time";
import { holidaysOf } from "~/modules/referrals/calendar.server";
import { getDb } from "~/utils/db.server";
import { seedDemoSlots } from "./seed-slots";

describe("demo consultation slots", () => {
  it("fill both sites' working days of the next four weeks, never a weekend or public holiday", async () => {
    const db = await getDb();
    // Monday 21 December 2026, 10:00 in Korea and Japan: Christmas is a holiday in Korea only, New Year's Day in both.
    const now = new Date("2026-12-21T01:00:00Z");
    const { lines } = await seedDemoSlots(db, now);
    const slots = await db
      .selectFrom("consultation_slots")
      .innerJoin("sites", "sites.code", "consultation_slots.site_code")
      .selectAll()
      .execute();
    expect(lines[0]).toContain(String(slots.length));
    for (const slot of slots) {
      expect(isoWeekday(slot.local_date)).toBeLessThanOrEqual(5);
      expect(holidaysOf(slot.country)(slot.local_date)).toBe(false);
      expect(slot.starts_at > now.toISOString()).toBe(true);
    }
    const dates = (site: string) => new Set(slots.filter((s) => s.site_code === site).map((s) => s.local_date));
    expect(dates("konyang").has("2026-12-25")).toBe(false);
    expect(dates("qst").has("2026-12-25")).toBe(true);
    expect(dates("qst").has("2027-01-01")).toBe(false);
  });
});
