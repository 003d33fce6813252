// The staff referral page's history and thread in words: pure, so the page's parts and their tests read plain data.
// Times are formatted by the caller's `at` (the site's zone); names come already joined from the users table.
import { formatCalendarDate } from "~/i18n/format";
import type { Language } from "~/i18n/config";
import { personName } from "~/i18n/person-name";
import { jointEventLine } from "~/modules/joint-review/joint-event-line";

type Named = { family_name: string | null; given_name: string | null };
export type StoredEvent = Named & {
  id: string;
  occurred_at: string;
  actor_role: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  site_code: string | null;
  reason_code: string | null;
  note: string | null;
  data: Record<string, unknown>;
  assigneeName: { familyName: string; givenName: string } | null;
};
type StoredMessage = Named & { id: string; created_at: string; author_role: string; body: string };

/** A person's name as the pages write it (family name first), or null for the system. */
export function nameOf(person: Named | null): string | null {
  return person?.family_name != null ? personName(person.family_name, person.given_name ?? "") : null;
}

/** Whether an event's note is part of the conversation with the physician (shown in the thread, not the history). */
const inThread = (action: string) => action === "request_info" || action === "answer_info";

function rescreenOf(e: StoredEvent) {
  const { data } = e;
  return e.action === "rescreen" && typeof data.from === "string" && typeof data.to === "string"
    ? {
        from: data.from,
        to: data.to,
        outcomeBefore: String(data.outcomeBefore ?? ""),
        outcomeAfter: String(data.outcomeAfter ?? ""),
      }
    : null;
}

function bookedOf(e: StoredEvent, lng: Language) {
  const { data } = e;
  return e.action === "schedule" && typeof data.date === "string"
    ? {
        date: formatCalendarDate(data.date, lng),
        time: String(data.time ?? ""),
        place: String(data.place ?? ""),
        interpreter: typeof data.interpreter === "string" ? data.interpreter : null,
      }
    : null;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

/** One step of the referral's history as the page lists it. */
export function eventView(
  e: StoredEvent,
  lng: Language,
  at: (iso: string) => string,
  siteName: (code: string | null) => string | null,
) {
  return {
    id: e.id,
    at: at(e.occurred_at),
    actor: nameOf(e),
    role: e.actor_role,
    action: e.action,
    from: e.from_status,
    to: e.to_status,
    site: siteName(e.site_code),
    reasonCode: e.reason_code,
    note: inThread(e.action) ? null : e.note,
    override: e.data.override === true,
    screenOutcome: typeof e.data.screenOutcome === "string" ? e.data.screenOutcome : null,
    documents: strings(e.data.documents),
    fields: strings(e.data.fields),
    rescreen: rescreenOf(e),
    assignee: e.assigneeName ? personName(e.assigneeName.familyName, e.assigneeName.givenName) : null,
    joint: jointEventLine(e.data),
    consultation: bookedOf(e, lng),
  };
}

/** The conversation with the physician: messages both ways and the notes of requests and answers, oldest first. */
export function threadView(messages: StoredMessage[], events: StoredEvent[], at: (iso: string) => string) {
  const thread = [
    ...messages.map((m) => ({
      id: m.id,
      at: m.created_at,
      fromPhysician: m.author_role === "physician",
      author: nameOf(m),
      kind: "message" as const,
      body: m.body,
    })),
    ...events
      .filter((e) => inThread(e.action) && e.note)
      .map((e) => ({
        id: e.id,
        at: e.occurred_at,
        fromPhysician: e.action === "answer_info",
        author: nameOf(e),
        kind: e.action,
        body: e.note ?? "",
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return thread.map((m) => ({ ...m, at: at(m.at) }));
}
