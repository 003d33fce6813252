import { describe, expect, it } from "vitest";
import { daysInclusive, grantInForce, grantState, rangesOverlap } from "./grant-window";

const grant = { from_date: "2026-12-10", to_date: "2026-12-12", revoked_at: null };

describe("a staff-exchange grant's window", () => {
  it("is in force on its first and last day and on none outside", () => {
    expect(grantState(grant, "2026-12-09")).toBe("upcoming");
    expect(grantInForce(grant, "2026-12-10")).toBe(true);
    expect(grantInForce(grant, "2026-12-12")).toBe(true);
    expect(grantState(grant, "2026-12-13")).toBe("ended");
  });

  it("ends for good once revoked, whatever the day", () => {
    expect(grantState({ ...grant, revoked_at: "2026-12-11T00:00:00.000Z" }, "2026-12-11")).toBe("revoked");
  });

  it("counts days with both ends included, across months and leap days", () => {
    expect(daysInclusive("2026-12-10", "2026-12-10")).toBe(1);
    expect(daysInclusive("2026-12-10", "2026-12-12")).toBe(3);
    expect(daysInclusive("2028-02-28", "2028-03-01")).toBe(3);
    expect(daysInclusive("2026-02-30", "2026-03-01")).toBeNaN();
  });

  it("sees ranges that share a single day as overlapping", () => {
    expect(rangesOverlap({ from: "2026-12-10", to: "2026-12-12" }, { from: "2026-12-12", to: "2026-12-20" })).toBe(
      true,
    );
    expect(rangesOverlap({ from: "2026-12-10", to: "2026-12-12" }, { from: "2026-12-13", to: "2026-12-20" })).toBe(
      false,
    );
  });
});
