// The consultation as an iCalendar file (RFC 5545). Pure text: written here rather than with a library because the
// portal needs one event with a time zone, and the rules that matter fit on a page: CRLF line ends (3.1), lines
// folded at 75 octets without splitting a character (3.1), TEXT escaped (3.3.11), and every TZID backed by a
// VTIMEZONE in the same file (3.2.19). It carries no health detail: only "Consultation at <site>", the time and the
// place (privacy.md, minimum exposure).
import { localDateTime, offsetMinutes, zonedInstant } from "./zoned-time";

export type ConsultationEvent = {
  /** Stable per booking, so a rebooked consultation replaces the earlier entry in the reader's calendar. */
  uid: string;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  /** The site's wall-clock start, and the site's IANA time zone. */
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: number;
  summary: string;
  location: string;
  /** BCP 47 language of the summary and location. */
  language: string;
  /** Bumped when the booking changes (rebooking), so calendars take the newer one. */
  sequence?: number;
};

const CRLF = "\r\n";
const encoder = new TextEncoder();

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into lines of at most 75 octets, continuation lines starting with one space (3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    if (octets + size > 75) {
      out.push(current);
      current = ` ${char}`;
      octets = 1 + size;
    } else {
      current += char;
      octets += size;
    }
  }
  out.push(current);
  return out.join(CRLF);
}

const compact = (date: string, time: string) => `${date.replace(/-/g, "")}T${time.replace(":", "")}00`;

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** The whole VCALENDAR, CRLF-terminated. */
export function consultationIcs(event: ConsultationEvent): string {
  const start = zonedInstant(event.date, event.time, event.timeZone);
  const end = localDateTime(new Date(start.getTime() + event.durationMinutes * 60_000), event.timeZone);
  // The offset in force at the start. Korea and Japan keep one offset all year, so one STANDARD rule describes the
  // zone exactly; a site in a zone with daylight saving would need its transitions here too.
  const offset = offsetText(offsetMinutes(start, event.timeZone));
  const lang = `;LANGUAGE=${event.language}`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Konyang University Hospital and QST Hospital//Carbon-ion referral portal//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VTIMEZONE",
    `TZID:${event.timeZone}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    "END:STANDARD",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `DTSTART;TZID=${event.timeZone}:${compact(event.date, event.time)}`,
    `DTEND;TZID=${event.timeZone}:${compact(end.date, end.time)}`,
    `SUMMARY${lang}:${escapeText(event.summary)}`,
    `LOCATION${lang}:${escapeText(event.location)}`,
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
