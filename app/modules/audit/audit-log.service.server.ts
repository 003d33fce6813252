import { normalizeReferenceCode } from "~/domain/reference-code/reference-code";
import type { Database } from "~/utils/db.server";
import { verifyAuditChain } from "./audit.service.server";
import type { AuditSearch } from "./audit-log.schema";
import {
  auditEventExists,
  auditEventsPage,
  countAuditEvents,
  distinctAuditActions,
  distinctAuditSubjectTypes,
  referralIdByCode,
  userIdsMatching,
  type AuditFilter,
} from "./audit-log.repository.server";

export const AUDIT_PAGE_SIZE = 50;
/** The CSV export stops here: a bigger export is a database copy, not a download. */
export const AUDIT_EXPORT_MAX = 50_000;
// More accounts than this matching a typed name is not a search any more; the page says to type more.
const MAX_MATCHED_ACTORS = 200;

/**
 * The calendar day's bounds as UTC instants. Days are Korean and Japanese days (both UTC+9, no daylight saving):
 * the portal's administrators work in one of the two.
 */
function startOfDay(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00+09:00`).toISOString();
}
function startOfNextDay(isoDate: string): string {
  return new Date(new Date(`${isoDate}T00:00:00+09:00`).getTime() + 86_400_000).toISOString();
}

export type AuditPage = {
  events: Awaited<ReturnType<typeof auditEventsPage>>;
  /** Cursor for the page of newer events (`after`), or null on the newest page. */
  newer: number | null;
  /** Cursor for the page of older events (`before`), or null on the oldest page. */
  older: number | null;
  /** The typed actor matched more accounts than are searched: the results may be incomplete. */
  actorTooBroad: boolean;
};

/** One page of the audit log matching the search, newest first, keyset-paginated by sequence number. */
export async function searchAuditLog(db: Database, search: AuditSearch, size = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const filter: AuditFilter = {
    action: search.action || undefined,
    subjectType: search.subjectType || undefined,
    subjectId: search.subjectId || undefined,
    since: search.from ? startOfDay(search.from) : undefined,
    until: search.to ? startOfNextDay(search.to) : undefined,
  };
  if (search.code) {
    // A code names one referral: its events are those about it. An unknown code matches nothing.
    const code = normalizeReferenceCode(search.code);
    const referralId = code ? await referralIdByCode(db, code) : null;
    if (!referralId) return { events: [], newer: null, older: null, actorTooBroad: false };
    filter.subjectType = "referral";
    filter.subjectId = referralId;
  }
  let actorTooBroad = false;
  if (search.actor) {
    filter.actorIds = await userIdsMatching(db, search.actor, MAX_MATCHED_ACTORS + 1);
    actorTooBroad = filter.actorIds.length > MAX_MATCHED_ACTORS;
    filter.actorIds = filter.actorIds.slice(0, MAX_MATCHED_ACTORS);
  }
  const events = await auditEventsPage(db, filter, { before: search.before, after: search.before === undefined ? search.after : undefined, size });
  if (events.length === 0) return { events, newer: null, older: null, actorTooBroad };
  const newest = events[0]!.seq;
  const oldest = events[events.length - 1]!.seq;
  const [hasNewer, hasOlder] = await Promise.all([auditEventExists(db, filter, "newer", newest), auditEventExists(db, filter, "older", oldest)]);
  return { events, newer: hasNewer ? newest : null, older: hasOlder ? oldest : null, actorTooBroad };
}

/** What the search form offers to choose from: the actions and subject types the log actually holds. */
export async function auditSearchOptions(db: Database) {
  const [actions, subjectTypes] = await Promise.all([distinctAuditActions(db), distinctAuditSubjectTypes(db)]);
  return { actions, subjectTypes };
}

/** Whether the hash chain is intact, and if not, the first event where it breaks. */
export async function auditChainStatus(db: Database): Promise<{ events: number; brokenAt: number | null }> {
  const [events, broken] = await Promise.all([countAuditEvents(db), verifyAuditChain(db)]);
  return { events, brokenAt: broken?.seq ?? null };
}
