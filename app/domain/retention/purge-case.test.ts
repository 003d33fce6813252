import { describe, expect, it } from "vitest";
import { ageBandAt, purgeCase } from "./purge-case";

describe("the age kept after a purge", () => {
  it("is the whole age on the referral date, in five-year bands, counting the birthday", () => {
    expect(ageBandAt("1958-03-14", "2026-03-13")).toBe("65-69"); // 67, the day before turning 68
    expect(ageBandAt("1961-03-14", "2026-03-13")).toBe("60-64"); // 64
    expect(ageBandAt("1961-03-14", "2026-03-14")).toBe("65-69"); // 65 on the day
    expect(ageBandAt(undefined, "2026-03-14")).toBeNull();
    expect(ageBandAt("2030-01-01", "2026-03-14")).toBeNull();
  });

  it("drops any patient field not on the allow-list, even one the form never had", () => {
    const kept = purgeCase({
      patient: { familyName: "佐藤", sex: "female", address: "千葉市", birthDate: "1970-05-01" },
      referredOn: "2026-11-26",
      diagnosis: { indication: "liver" },
    });
    expect(kept).toEqual({
      patient: { sex: "female", ageBand: "55-59" },
      referredOn: "2026-11-26",
      diagnosis: { indication: "liver" },
    });
  });
});
