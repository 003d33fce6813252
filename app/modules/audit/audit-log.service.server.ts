import { normalizeReferenceCode } from "~/domain/reference-code/reference-code";
import type { Database } from "~/utils/db.server";
import { auditEventsAfter, auditEventsInOrder } from "./audit.repository.server";
import { firstBrokenLink, GENESIS } from "./audit.service.server";
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
  const events = await auditEventsPage(db, filter, {
    before: search.before,
    after: search.before === undefined ? search.after : undefined,
    size,
  });
  if (events.length === 0) return { events, newer: null, older: null, actorTooBroad };
  const newest = events[0]!.seq;
  const oldest = events[events.length - 1]!.seq;
  const [hasNewer, hasOlder] = await Promise.all([
    auditEventExists(db, filter, "newer", newest),
    auditEventExists(db, filter, "older", oldest),
  ]);
  return { events, newer: hasNewer ? newest : null, older: hasOlder ? oldest : null, actorTooBroad };
}

/** What the search form offers to choose from: the actions and subject types the log actually holds. */
export async function auditSearchOptions(db: Database) {
  const [actions, subjectTypes] = await Promise.all([distinctAuditActions(db), distinctAuditSubjectTypes(db)]);
  return { actions, subjectTypes };
}

// Checking the whole chain reads and hashes every event ever recorded, and every record a user opens adds one: done
// on each visit of the audit page, that visit grew slower without end. So a visit checks the last event it had
// checked (read again, hash recomputed) and the events added since, continuing the chain from there; the whole
// chain is checked again at the first visit after a start and at most FULL_CHECK_MS after the previous whole check.
// An edit to a new event shows at once, one to an old event within five minutes (docs/decisions/0019-speed.md).
export const FULL_CHECK_MS = 5 * 60_000;
/** The last event checked, the hash it continued from, and when the whole chain was last checked. */
type Checked = { seq: number; hash: string; prevHash: string; wholeAt: number };
const lastCheck = new WeakMap<Database, Checked>();

/** Whether the hash chain is intact, and if not, the first event where it breaks. */
export async function auditChainStatus(
  db: Database,
  now = Date.now(),
): Promise<{ events: number; brokenAt: number | null }> {
  const events = await countAuditEvents(db);
  const known = lastCheck.get(db);
  let rows = known && now - known.wholeAt < FULL_CHECK_MS ? await auditEventsAfter(db, known.seq - 1) : null;
  // The last checked event must still be there as it was, else nothing after it can be trusted: check the whole chain.
  const continues = !!known && !!rows && rows[0]?.seq === known.seq && rows[0].hash === known.hash;
  if (!continues) rows = await auditEventsInOrder(db);
  const broken = firstBrokenLink(rows!, continues ? known.prevHash : GENESIS);
  if (broken) {
    lastCheck.delete(db);
    return { events, brokenAt: broken.seq };
  }
  const last = rows!.at(-1);
  const wholeAt = continues ? known.wholeAt : now;
  if (last) lastCheck.set(db, { seq: last.seq, hash: last.hash, prevHash: last.prev_hash, wholeAt });
  else lastCheck.delete(db);
  return { events, brokenAt: null };
}
