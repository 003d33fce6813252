import { describe, expect, it } from "vitest";
import { whenWords } from "./format";

// 23:30 UTC on 3 December is 08:30 on Friday 4 December in Seoul and Tokyo.
const lateEvening = "2026-12-03T23:30:00Z";

describe("consultation times in words", () => {
  it("reads the start on the site's clock: full date, short date with its weekday, 24-hour time", () => {
    expect(whenWords(lateEvening, "Asia/Seoul", "ko")).toEqual({
      dateText: "2026년 12월 4일 금요일",
      shortDate: "12월 4일 (금)",
      timeText: "08:30",
    });
    expect(whenWords(new Date(lateEvening), "Asia/Tokyo", "ja")).toEqual({
      dateText: "2026年12月4日金曜日",
      shortDate: "12月4日(金)",
      timeText: "08:30",
    });
    expect(whenWords(lateEvening, "Asia/Tokyo", "en")).toEqual({
      dateText: "Friday, 4 December 2026",
      shortDate: "Fri 4 Dec",
      timeText: "08:30",
    });
  });

  it("never falls back to a 12-hour clock", () => {
    for (const lng of ["ko", "ja", "en"] as const) {
      expect(whenWords("2026-12-04T06:05:00Z", "Asia/Seoul", lng).timeText).toBe("15:05");
    }
  });
});
