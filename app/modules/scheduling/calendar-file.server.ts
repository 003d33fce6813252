import type { TFunction } from "i18next";
import { z } from "zod";
import { consultationIcs } from "~/domain/scheduling/ics";
import { intlLocale, type Language } from "~/i18n/config";
import { sha256Hex } from "~/utils/tokens.server";
import type { SiteContacts } from "~/modules/site-contacts/site-contacts";
import { sitePlace } from "./site-place";
import { DEFAULT_CONSULTATION_MINUTES, isRealDate, timePattern } from "./slots.schema";

// The consultation's .ics file, for the physician (their referral page, the link in their mail) and the patient (the
// status page). One builder for both, so the two files are the same event.

/** What a stored consultation (referrals.consultation_json) gives a calendar; older bookings have no time zone. */
const storedSchema = z.object({
  date: z.string().refine(isRealDate),
  time: z.string().regex(timePattern),
  durationMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .optional()
    .catch(undefined),
  timeZone: z.string().optional().catch(undefined),
  bookedAt: z.string().optional().catch(undefined),
});

export type StoredConsultation = z.infer<typeof storedSchema>;

/** A stored consultation, as its JSON text or as the referral mapper read it, when it can go into a calendar. */
export function readStoredConsultation(stored: string | object | null): StoredConsultation | null {
  if (!stored) return null;
  try {
    const parsed = storedSchema.safeParse(typeof stored === "string" ? JSON.parse(stored) : stored);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A stable UID per referral that does not reveal the referral's internal id. */
export function calendarUid(referralId: string): string {
  return `consultation-${sha256Hex(`consultation:${referralId}`).slice(0, 32)}@kq-portal`;
}

// Rebooking keeps the UID and raises SEQUENCE, so a calendar replaces the old entry (RFC 5545 3.8.7.4): minutes
// since 2026-01-01, which only grow.
const SEQUENCE_EPOCH = Date.parse("2026-01-01T00:00:00Z");

export function consultationCalendarResponse(input: {
  referralId: string;
  consultation: StoredConsultation;
  site: { code: string; timezone: string; name: string };
  /** The site's contact details in force: the address goes into the file only once the site has confirmed it. */
  contacts: SiteContacts | null;
  lng: Language;
  t: TFunction;
  now: Date;
}): Response {
  const { consultation, site, t } = input;
  const place = sitePlace(input.contacts, input.lng);
  const booked = consultation.bookedAt ? Date.parse(consultation.bookedAt) : NaN;
  const body = consultationIcs({
    uid: calendarUid(input.referralId),
    stamp: input.now,
    date: consultation.date,
    time: consultation.time,
    timeZone: consultation.timeZone ?? site.timezone,
    durationMinutes: consultation.durationMinutes ?? DEFAULT_CONSULTATION_MINUTES,
    summary: t("scheduling:ics.summary", { site: site.name }),
    location: place ? `${site.name}, ${place.address}` : site.name,
    language: intlLocale[input.lng],
    sequence: Number.isNaN(booked) ? 0 : Math.max(0, Math.floor((booked - SEQUENCE_EPOCH) / 60_000)),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // The name says what it is and when, nothing about the patient.
      "Content-Disposition": `attachment; filename="consultation-${consultation.date}.ics"`,
      "Cache-Control": "no-store",
    },
  });
}
