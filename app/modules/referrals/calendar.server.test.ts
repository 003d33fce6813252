import { describe, expect, it } from "vitest";
import { holidaysOf } from "./calendar.server";

describe("site calendars", () => {
  it("know each country's public holidays", () => {
    expect(holidaysOf("JP")("2026-11-23")).toBe(true); // 勤労感謝の日
    expect(holidaysOf("KR")("2026-11-23")).toBe(false);
    expect(holidaysOf("KR")("2026-10-09")).toBe(true); // 한글날
    expect(holidaysOf("JP")("2026-10-09")).toBe(false);
  });
});
