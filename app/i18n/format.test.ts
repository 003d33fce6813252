import { describe, expect, it } from "vitest";
import { dateTimeFormat, formatCalendarDate, formatInstant, formatWallTime, isoDateIn } from "./format";

// 06:29:07 UTC is 15:29:07 in Seoul and Tokyo: an afternoon, where a 12-hour clock would say PM / 오후 / 午後.
const afternoon = "2026-12-03T06:29:07Z";

describe("dates and times", () => {
  it("uses a 24-hour clock in every language, never AM/PM", () => {
    expect(formatInstant(afternoon, "ko", "Asia/Seoul")).toBe("2026년 12월 3일 15:29");
    expect(formatInstant(afternoon, "ja", "Asia/Tokyo")).toBe("2026年12月3日 15:29");
    expect(formatInstant(afternoon, "en", "Asia/Seoul")).toBe("3 December 2026 at 15:29");
    for (const lng of ["ko", "ja", "en"]) {
      const text = formatInstant(afternoon, lng, "Asia/Seoul");
      expect(text).not.toMatch(/AM|PM|오전|오후|午前|午後/);
      expect(formatInstant(afternoon, lng, "Asia/Seoul", "time")).toBe("15:29");
      expect(formatInstant(afternoon, lng, "Asia/Seoul", "dateTimeSeconds")).toContain("15:29:07");
    }
  });

  it("reads the moment on the clock of the time zone given, not the machine's", () => {
    expect(formatInstant("2026-12-03T16:00:00Z", "en", "Asia/Seoul", "date")).toBe("4 December 2026");
    expect(formatInstant("2026-12-03T16:00:00Z", "en", "UTC", "date")).toBe("3 December 2026");
  });

  it("keeps a calendar date on its day and a wall-clock time as it is", () => {
    expect(formatCalendarDate("2026-01-01", "ko")).toBe("2026년 1월 1일");
    expect(formatCalendarDate("2026-12-03", "ja", "fullDate")).toBe("2026年12月3日木曜日");
    expect(formatCalendarDate("2026-12-03", "en", "weekdayShortDate")).toBe("Thu 3 Dec");
    expect(formatCalendarDate("2026-12-03", "ko", "weekdayShortDate")).toBe("12월 3일 (목)");
    expect(formatWallTime("2026-12-03", "09:05", "ko")).toBe("09:05");
    expect(isoDateIn("Asia/Tokyo", new Date("2026-12-31T15:30:00Z"))).toBe("2027-01-01");
  });

  it("builds each formatter once per language, style and time zone", () => {
    expect(dateTimeFormat("ko", "dateTime", "Asia/Seoul")).toBe(dateTimeFormat("ko", "dateTime", "Asia/Seoul"));
    expect(dateTimeFormat("ko", "dateTime", "Asia/Seoul")).not.toBe(dateTimeFormat("ja", "dateTime", "Asia/Seoul"));
  });

  it("returns unreadable text as it is instead of 'Invalid Date'", () => {
    expect(formatInstant("not a date", "en", "UTC")).toBe("not a date");
  });
});
