import { describe, expect, it } from "vitest";
import { ruleBookPage, rulesReviewNotice } from "./rules.service.server";

// kq-2026-12 was published on 6 December 2026 and replaces jp-2024-06; both were due for review on 1 June 2026.
const afterKq = new Date("2026-12-10T03:00:00Z");
const beforeKq = new Date("2026-12-01T03:00:00Z");

describe("the rule book's page", () => {
  it("shows the set in force today and, by default, what the newest set changed from the one it replaces", () => {
    const page = ruleBookPage(undefined, {}, afterKq)!;
    expect(page.book.version).toBe("kq-2026-12");
    expect(page.versions).toEqual(["jp-2024-06", "kq-2026-12"]);
    expect(page.sets.map((s) => [s.version, s.inForce])).toEqual([
      ["jp-2024-06", false],
      ["kq-2026-12", true],
    ]);
    expect(page.diff).toMatchObject({ from: "jp-2024-06", to: "kq-2026-12" });
  });

  it("uses only the sets published by today, and has nothing to compare when the newest replaces none", () => {
    const page = ruleBookPage(undefined, {}, beforeKq)!;
    expect(page.book.version).toBe("jp-2024-06");
    expect(page.diff).toBeNull();
  });

  it("opens a named version, compares the two versions asked for, and knows no other version", () => {
    expect(ruleBookPage("jp-2024-06", {}, afterKq)!.book.version).toBe("jp-2024-06");
    expect(ruleBookPage("jp-2024-06", { from: "kq-2026-12", to: "jp-2024-06" }, afterKq)!.diff).toMatchObject({
      from: "kq-2026-12",
      to: "jp-2024-06",
    });
    expect(ruleBookPage(undefined, { from: "kq-2026-12", to: "kq-2026-12" }, afterKq)!.diff).toBeNull();
    expect(ruleBookPage("xx-1999-01", {}, afterKq)).toBeNull();
  });
});

describe("the notice that the rules may be out of date", () => {
  it("names the newest set once its review date has passed, on the Korean and Japanese calendar day", () => {
    expect(rulesReviewNotice(afterKq)).toEqual({ version: "kq-2026-12", reviewDueOn: "2026-06-01" });
    // 1 June 2026 15:30 UTC is already 2 June in Korea and Japan.
    expect(rulesReviewNotice(new Date("2026-06-01T14:00:00Z"))).toBeNull();
    expect(rulesReviewNotice(new Date("2026-06-01T15:30:00Z"))).toEqual({
      version: "kq-2026-12",
      reviewDueOn: "2026-06-01",
    });
  });
});
