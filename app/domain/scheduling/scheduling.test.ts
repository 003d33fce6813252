import { describe, expect, it } from "vitest";
import { eventProperty, parseIcs, unescapeIcsText } from "../../../tests/factories/ics";
import { consultationIcs, escapeText, foldLine } from "./ics";
import { dayWarnings, expandWeeklyPattern } from "./weekly-pattern";
import { localDateTime, zonedInstant } from "./zoned-time";

describe("site wall-clock time", () => {
  it("turns a Korean or Japanese date and time into the instant and back", () => {
    expect(zonedInstant("2027-03-02", "09:30", "Asia/Seoul").toISOString()).toBe("2027-03-02T00:30:00.000Z");
    expect(zonedInstant("2027-03-02", "08:00", "Asia/Tokyo").toISOString()).toBe("2027-03-01T23:00:00.000Z");
    expect(localDateTime(new Date("2027-03-01T23:00:00Z"), "Asia/Tokyo")).toEqual({
      date: "2027-03-02",
      time: "08:00",
    });
  });

  it("lands right in a zone with daylight saving too", () => {
    // Berlin on summer time (UTC+2) and on winter time (UTC+1).
    expect(zonedInstant("2027-07-01", "10:00", "Europe/Berlin").toISOString()).toBe("2027-07-01T08:00:00.000Z");
    expect(zonedInstant("2027-01-04", "10:00", "Europe/Berlin").toISOString()).toBe("2027-01-04T09:00:00.000Z");
  });
});

describe("a weekly pattern of slots", () => {
  const koreanHolidays = new Set(["2027-03-01"]);
  it("makes each chosen weekday's times over the range and leaves out public holidays", () => {
    const { slots, holidays } = expandWeeklyPattern(
      { from: "2027-02-26", to: "2027-03-05", weekdays: [1, 3, 5], times: ["14:00", "09:00", "09:00"] },
      (d) => koreanHolidays.has(d),
    );
    // Fri 26 Feb, (Mon 1 Mar is Independence Movement Day), Wed 3 Mar, Fri 5 Mar; times sorted, duplicates dropped.
    expect(slots).toEqual([
      { date: "2027-02-26", time: "09:00" },
      { date: "2027-02-26", time: "14:00" },
      { date: "2027-03-03", time: "09:00" },
      { date: "2027-03-03", time: "14:00" },
      { date: "2027-03-05", time: "09:00" },
      { date: "2027-03-05", time: "14:00" },
    ]);
    expect(holidays).toEqual(["2027-03-01"]);
  });

  it("warns of weekends and public holidays, naming the holiday", () => {
    const holiday = (d: string) => (d === "2027-03-01" ? { name: "3·1절" } : null);
    expect(dayWarnings("2027-03-01", holiday)).toEqual([{ code: "holiday", name: "3·1절" }]);
    expect(dayWarnings("2027-03-06", holiday)).toEqual([{ code: "weekend" }]);
    expect(dayWarnings("2027-03-02", holiday)).toEqual([]);
  });
});

describe("the consultation's calendar file", () => {
  const event = {
    uid: "b3c1a0e2-0000-4000-8000-000000000001@kq-portal",
    stamp: new Date("2026-12-06T01:02:03Z"),
    date: "2027-03-02",
    time: "23:30",
    timeZone: "Asia/Seoul",
    durationMinutes: 60,
    summary: "건양대학교병원 진료 예약",
    location:
      "건양대학교병원, 대전광역시 서구 관저동로 158; 본관 2층 방사선종양학과 외래 (접수처에서 예약 번호를 말씀해 주세요)",
    language: "ko",
  };

  it("is RFC 5545: CRLF, folded at 75 octets without splitting a character, a VTIMEZONE for its TZID", () => {
    const text = consultationIcs(event);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    // Folding never cut a Hangul syllable in half: every physical line is valid UTF-8 on its own.
    for (const line of text.split("\r\n")) expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    const props = parseIcs(text);
    expect(props.find((p) => p.name === "TZID")?.value).toBe("Asia/Seoul");
    expect(props.find((p) => p.name === "TZOFFSETTO")?.value).toBe("+0900");
    expect(eventProperty(props, "DTSTART")).toEqual({
      name: "DTSTART",
      params: { TZID: "Asia/Seoul" },
      value: "20270302T233000",
    });
    // An hour later crosses midnight.
    expect(eventProperty(props, "DTEND")).toEqual({
      name: "DTEND",
      params: { TZID: "Asia/Seoul" },
      value: "20270303T003000",
    });
    expect(eventProperty(props, "DTSTAMP")?.value).toBe("20261206T010203Z");
    expect(unescapeIcsText(eventProperty(props, "SUMMARY")!.value)).toBe(event.summary);
    expect(unescapeIcsText(eventProperty(props, "LOCATION")!.value)).toBe(event.location);
    expect(eventProperty(props, "LOCATION")!.params).toEqual({ LANGUAGE: "ko" });
  });

  it("escapes TEXT and folds long lines", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    const folded = foldLine(`LOCATION:${"あ".repeat(40)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(`LOCATION:${"あ".repeat(40)}`);
  });
});
