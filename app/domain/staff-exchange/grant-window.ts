// When a staff-exchange grant is in force. Pure: "today" is the host site's calendar date, passed in, so the same
// rule answers the request guard, the admin page and the tests that move the clock.
// docs/decisions/0017-staff-exchange.md
import { parseIsoDate } from "~/domain/case/dates";

/** The longest grant, both ends included: a visit is a secondment of weeks, not a standing second account. */
export const MAX_GRANT_DAYS = 90;

export type GrantWindow = { from_date: string; to_date: string; revoked_at: string | null };

/** Where a grant stands on the host's `today`. */
export type GrantState = "upcoming" | "current" | "ended" | "revoked";

/** Days from `from` to `to`, both included (the same day is 1); NaN when either is not a calendar date. */
export function daysInclusive(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return Number.NaN;
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000 + 1;
}

export function grantState(grant: GrantWindow, today: string): GrantState {
  if (grant.revoked_at !== null) return "revoked";
  // ISO calendar dates sort as the days they name.
  if (today < grant.from_date) return "upcoming";
  if (today > grant.to_date) return "ended";
  return "current";
}

/** The visitor works for the host on every day of [from, to], and on no other, unless the grant was revoked. */
export function grantInForce(grant: GrantWindow, today: string): boolean {
  return grantState(grant, today) === "current";
}

/** Two date ranges, both ends included, share at least one day. */
export function rangesOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}
