import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import type { Database } from "~/utils/db.server";
import { tabCaseSql } from "~/domain/workflow/queue-tabs";
import { referralStatuses } from "~/domain/workflow/states";
import { screenOutcomes, type QueueSortColumn, type QueueTab, type SortDirection } from "./queue.schema";
import { isPostgres, jsonNumber } from "../../../db/dialect";
import type { QueueCriteria } from "./queue-search.repository.server";

// The search, people, thread and saved-view queries live in their own files; their names stay importable from here.
export * from "./queue-search.repository.server";
export * from "./queue-views.repository.server";
export * from "./referral-thread.repository.server";

// The queue's sort expressions, word for word as in db/migrations/0007_queue.ts (the tab's CASE is built from the
// domain's mapping; app/domain/workflow/queue-tabs.test.ts checks the migration's copy): SQLite uses an expression
// index only when the query repeats its expression exactly (queue.repository.server.test.ts checks the plan).
// They are inlined as SQL text, not bound, for the same reason.
const TAB = tabCaseSql();
const URGENCY_RANK = `CASE WHEN urgency = 'urgent' THEN 0 ELSE 1 END`;
const DUE = `COALESCE(clock_due_on, '9999-12-31')`;

const tabExpr = sql<string>`(${sql.raw(TAB)})`;

type CursorValue = string | number;
type SortSpec = { keys: RawBuilder<CursorValue>[]; direction: "asc" | "desc" };

/** A column a person chose to sort by; `indicationOrder` lists indication codes in the reader's alphabetical order. */
export type QueueOrder = { column: QueueSortColumn; direction: SortDirection; indicationOrder?: readonly string[] };

/** A rank by position in a list of codes (unknown or missing last), so a coded column sorts in a meaningful order. */
function rankOf(column: string, codes: readonly string[]): RawBuilder<CursorValue> {
  const cases = codes.map((code, i) => sql`WHEN ${code} THEN ${sql.lit(i)}`);
  return sql`(CASE ${sql.ref(column)} ${sql.join(cases, sql` `)} ELSE ${codes.length} END)`;
}

/**
 * The sort key of a chosen column. Never NULL (a keyset comparison with NULL would lose rows), and followed by the id
 * so that every row has one place. No index serves these orders: SQLite sorts the tab's rows of the site (the
 * filters still narrow them first), and keyset paging goes on working the same way after a cursor.
 */
function columnKey(order: QueueOrder): RawBuilder<CursorValue> {
  switch (order.column) {
    case "code":
      return sql`COALESCE(reference_code, '')`;
    case "patient":
      return sql`(COALESCE(patient_family_name, '') || ' ' || COALESCE(patient_given_name, ''))`;
    case "indication":
      return order.indicationOrder ? rankOf("indication", order.indicationOrder) : sql`COALESCE(indication, '')`;
    case "screen":
      return rankOf("screen_outcome", screenOutcomes);
    case "urgency":
      return sql`(${sql.raw(URGENCY_RANK)})`;
    case "status":
      return rankOf("status", referralStatuses);
    case "clock":
      return sql`(${sql.raw(DUE)})`;
    case "assignee":
      return sql`COALESCE((SELECT u.family_name || ' ' || u.given_name FROM users u WHERE u.id = referrals.assignee_id), '')`;
    case "received":
      return sql`COALESCE(submitted_at, '')`;
  }
}

/**
 * The order of each tab. Open tabs: urgent first, then the nearest due date (a paused referral, which has none,
 * by the working days it has already used). Decided tabs: the latest change first. A chosen column replaces it.
 */
function sortOf(tab: QueueTab, order?: QueueOrder | null): SortSpec {
  if (order) return { keys: [columnKey(order), sql`id`], direction: order.direction };
  switch (tab) {
    case "triage":
    case "in_review":
      return { keys: [sql`(${sql.raw(URGENCY_RANK)})`, sql`(${sql.raw(DUE)})`, sql`id`], direction: "asc" };
    case "info_requested":
      return { keys: [sql`(${sql.raw(URGENCY_RANK)})`, sql`(0 - clock_used_days)`, sql`id`], direction: "asc" };
    default:
      return { keys: [sql`status_changed_at`, sql`id`], direction: "desc" };
  }
}

/**
 * Past its clock: a running clock beyond its due date, or a paused one that has already used more working days than
 * its target allows. Per tab, so each is a range of the tab's index: triage and in review run (a redirected referral
 * runs the receiving site's clock); information requested is paused; decided referrals have no clock.
 */
function breachWhere(
  db: Database,
  tab: QueueTab | null,
  today: string,
  targets: QueueCriteria["targets"],
  ordered: boolean,
): Expression<SqlBool> {
  // The targets are the portal's own numbers, written into the SQL: PostgreSQL would read bound ones as text here.
  const [urgent, routine] = [sql.lit(Math.trunc(targets.urgent)), sql.lit(Math.trunc(targets.routine))];
  const paused = sql<SqlBool>`clock_used_days > (CASE WHEN urgency = 'urgent' THEN ${urgent} ELSE ${routine} END)`;
  switch (tab) {
    case "triage":
    case "in_review":
      // "rank IN (0, 1)" makes the due date a range in each urgency of the index. SQLite walks those ranges in the
      // tab's order; PostgreSQL 15 cannot keep an index's order under an IN on its third column, so for a page
      // (ordered) it read the whole tab and sorted it (20 ms at a million). Without the IN it walks the tab in order
      // and tests the due date on each entry; past-due entries come first in each urgency. A count keeps the ranges.
      if (ordered && isPostgres(db)) return sql<SqlBool>`(${sql.raw(DUE)}) < ${today}`;
      return sql<SqlBool>`(${sql.raw(URGENCY_RANK)}) IN (0, 1) AND (${sql.raw(DUE)}) < ${today}`;
    case "info_requested":
      return paused;
    case null:
      return sql<SqlBool>`((clock_due_on IS NOT NULL AND clock_due_on < ${today}) OR (status = 'info_requested' AND ${paused}))`;
    default:
      return sql<SqlBool>`0 = 1`;
  }
}

// A wider name search walks the tab's index, testing each row against the matches (not each match looked up by id).
// SQLite: the unary + keeps the list from driving. PostgreSQL joined "id IN (…)" by id (190 ms for 6,191 matches);
// "(…) IS TRUE" is never made a join: a hashed test on the walk (19 ms). The same test: an id is never NULL.
function listProbe(db: Database, list: RawBuilder<unknown>): Expression<SqlBool> {
  return isPostgres(db) ? sql<SqlBool>`(id IN ${list}) IS TRUE` : sql<SqlBool>`+id IN ${list}`;
}

/** The criteria as conditions; `ordered`: for a page, read in the tab's order (see breachWhere). */
function criteriaWhere(
  db: Database,
  criteria: QueueCriteria,
  tab: QueueTab | null,
  ordered = false,
): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [sql<SqlBool>`site_code = ${criteria.siteCode}`];
  if (tab) where.push(sql<SqlBool>`${tabExpr} = ${tab}`);
  if (criteria.indication) where.push(sql<SqlBool>`indication = ${criteria.indication}`);
  if (criteria.outcome) where.push(sql<SqlBool>`screen_outcome = ${criteria.outcome}`);
  if (criteria.urgency) where.push(sql<SqlBool>`urgency = ${criteria.urgency}`);
  if (criteria.assigneeId === null) where.push(sql<SqlBool>`assignee_id IS NULL`);
  else if (criteria.assigneeId) where.push(sql<SqlBool>`assignee_id = ${criteria.assigneeId}`);
  if (criteria.breachedOn) where.push(breachWhere(db, tab, criteria.breachedOn, criteria.targets, ordered));
  if (criteria.referenceCode) where.push(sql<SqlBool>`reference_code = ${criteria.referenceCode}`);
  if (criteria.codePrefix)
    where.push(
      sql<SqlBool>`reference_code >= ${criteria.codePrefix} AND reference_code < ${`${criteria.codePrefix}\u{10FFFF}`}`,
    );
  if (criteria.nameMatches) {
    where.push(
      criteria.nameMatches.length ? sql<SqlBool>`id IN (${sql.join(criteria.nameMatches)})` : sql<SqlBool>`0 = 1`,
    );
  } else if (criteria.namePrefix) {
    // Every code point sorts below U+10FFFF, so [prefix, prefix + U+10FFFF) is "starts with" as an index range.
    const [from, to] = [criteria.namePrefix, `${criteria.namePrefix}\u{10FFFF}`];
    where.push(
      criteria.nameProbe === "row"
        ? sql<SqlBool>`EXISTS (SELECT 1 FROM referral_search_keys k WHERE k.referral_id = referrals.id AND k.key >= ${from} AND k.key < ${to})`
        : listProbe(
            db,
            sql`(SELECT k.referral_id FROM referral_search_keys k WHERE k.site_code = ${criteria.siteCode} AND k.key >= ${from} AND k.key < ${to})`,
          ),
    );
  }
  return where;
}

const listColumns = [
  "id",
  "reference_code",
  "status",
  "patient_family_name",
  "patient_given_name",
  "patient_latin_name",
  "indication",
  "urgency",
  "screen_outcome",
  "assignee_id",
  "clock_used_days",
  "clock_running_since",
  "clock_due_on",
  "first_decision_at",
  "submitted_at",
  "status_changed_at",
] as const;

export type QueueRow = {
  id: string;
  reference_code: string | null;
  status: string;
  patient_family_name: string | null;
  patient_given_name: string | null;
  patient_latin_name: string | null;
  indication: string | null;
  urgency: string;
  screen_outcome: string | null;
  assignee_id: string | null;
  clock_used_days: number;
  clock_running_since: string | null;
  clock_due_on: string | null;
  first_decision_at: string | null;
  submitted_at: string | null;
  status_changed_at: string;
};

export function isCursor(value: unknown, tab: QueueTab, order?: QueueOrder | null): value is CursorValue[] {
  return (
    Array.isArray(value) &&
    value.length === sortOf(tab, order).keys.length &&
    value.every((v) => typeof v === "string" || typeof v === "number")
  );
}

/** What a page is asked for with: the criteria, the tab, the cursor (null: the first page), the page size, the order. */
type PageRequest = [
  db: Database,
  criteria: QueueCriteria,
  tab: QueueTab,
  after: CursorValue[] | null,
  limit: number,
  order?: QueueOrder | null,
];

/**
 * One page of a tab, in the tab's order, after the row the cursor names (keyset pagination: no OFFSET, so page
 * 400 costs what page 1 costs and rows arriving meanwhile never shift a page). Returns the next cursor, if any.
 */
export async function queuePage(...request: PageRequest) {
  const [, , tab, , limit, order] = request;
  const sort = sortOf(tab, order);
  // The parts are consecutive stretches of the order: the page is the first rows of the first, then the next...
  const rows: (QueueRow & Record<string, CursorValue>)[] = [];
  for (const part of queuePageQueries(...request)) {
    rows.push(...((await part.execute()) as (QueueRow & Record<string, CursorValue>)[]));
    if (rows.length > limit) break;
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next = rows.length > limit && last ? sort.keys.map((_, i) => last[`k${i}`]!) : null;
  return { rows: page as QueueRow[], next };
}

/**
 * The statements behind queuePage, each asking for one row more than the page (to know whether another follows).
 * After a cursor (k0, k1, k2) the rest of the order is three index ranges, read one after the other:
 * k0 = v0 AND k1 = v1 AND k2 > v2, then k0 = v0 AND k1 > v1, then k0 > v0. SQLite cannot range-scan a row value
 * of index expressions ((k0, k1, k2) > (...)), but it ranges over each of these.
 */
export function queuePageQueries(...[db, criteria, tab, after, limit, order]: PageRequest) {
  const sort = sortOf(tab, order);
  const dir = sql.raw(sort.direction === "asc" ? "ASC" : "DESC");
  const op = sql.raw(sort.direction === "asc" ? ">" : "<");
  const base = criteriaWhere(db, criteria, tab, true);
  const query = (where: Expression<SqlBool>[], orderKeys: RawBuilder<CursorValue>[]) =>
    db
      .selectFrom("referrals")
      .select([...listColumns])
      .select(sort.keys.map((key, i) => key.as(`k${i}`)))
      .where((eb) => eb.and(where))
      .orderBy(sql`${sql.join(orderKeys.map((key) => sql`${key} ${dir}`))}`)
      .limit(limit + 1);
  if (!after) return [query(base, sort.keys)];
  const parts = [];
  for (let j = sort.keys.length - 1; j >= 0; j -= 1) {
    const equal = sort.keys.slice(0, j).map((key, i) => sql<SqlBool>`${key} = ${after[i]}`);
    parts.push(query([...base, ...equal, sql<SqlBool>`${sort.keys[j]} ${op} ${after[j]}`], sort.keys.slice(j)));
  }
  return parts;
}

/** A name search's tab counts look at this many of its referrals at most (beyond, they are "at least"). */
export const SEARCH_COUNT_SAMPLE = 2000;

export type TabCounts = {
  counts: Record<QueueTab, number>;
  /** The counts are lower bounds (a very broad name search). */ atLeast: boolean;
};

/**
 * How many referrals each tab holds under the criteria. Each tab's count stops at `cap`, so a count never walks a
 * million rows. A name search counts from its matches instead, grouped by tab in one statement: its cost follows the
 * number of matches, not the size of the tabs; past SEARCH_COUNT_SAMPLE matches the counts are lower bounds.
 */
export async function queueTabCounts(
  db: Database,
  criteria: QueueCriteria,
  tabs: readonly QueueTab[],
  cap: number,
  sample = SEARCH_COUNT_SAMPLE,
): Promise<TabCounts> {
  const counts = Object.fromEntries(tabs.map((tab) => [tab, 0])) as Record<QueueTab, number>;
  if (criteria.namePrefix || criteria.nameMatches) {
    let atLeast = false;
    let byName: Expression<SqlBool>;
    if (criteria.nameMatches) {
      byName = criteria.nameMatches.length
        ? sql<SqlBool>`id IN (${sql.join(criteria.nameMatches)})`
        : sql<SqlBool>`0 = 1`;
    } else {
      const matches = db
        .selectFrom("referral_search_keys")
        .select("referral_id")
        .distinct()
        .where("site_code", "=", criteria.siteCode)
        .where("key", ">=", criteria.namePrefix!)
        .where("key", "<", `${criteria.namePrefix}\u{10FFFF}`);
      const found = await db
        .selectFrom(matches.limit(sample + 1).as("m"))
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirst();
      atLeast = Number(found?.n ?? 0) > sample;
      // Kysely parenthesises a subquery itself: `IN ${subquery}`, not `IN (${subquery})`, which SQLite would read as one value.
      byName = sql<SqlBool>`id IN ${matches.limit(sample)}`;
    }
    const { namePrefix: _prefix, nameMatches: _matches, nameProbe: _probe, ...rest } = criteria;
    const rows = await db
      .selectFrom("referrals")
      .select([tabExpr.as("tab"), (eb) => eb.fn.countAll<number>().as("n")])
      .where((eb) => eb.and([...criteriaWhere(db, rest, null), byName]))
      .groupBy(tabExpr)
      .execute();
    for (const row of rows)
      if ((tabs as readonly string[]).includes(row.tab)) counts[row.tab as QueueTab] = Math.min(Number(row.n), cap);
    return { counts, atLeast };
  }
  for (const tab of tabs) {
    const inner = db
      .selectFrom("referrals")
      .select(sql<number>`1`.as("one"))
      .where((eb) => eb.and(criteriaWhere(db, criteria, tab)))
      .limit(cap);
    const row = await db
      .selectFrom(inner.as("capped"))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    counts[tab] = Number(row?.n ?? 0);
  }
  return { counts, atLeast: false };
}

// --- Dashboard -----------------------------------------------------------------------------------------------------

/** Referrals in each state at a site (open states are few; the index answers this without reading rows). */
export async function statusCounts(db: Database, siteCode: string, statuses: readonly string[]) {
  return db
    .selectFrom("referrals")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("site_code", "=", siteCode)
    .where("status", "in", [...statuses])
    .groupBy("status")
    .execute();
}

/** Open referrals whose clock has run out (see criteriaWhere), per urgency. */
export async function breachedOpen(
  db: Database,
  siteCode: string,
  today: string,
  targets: { urgent: number; routine: number },
) {
  const criteria: QueueCriteria = { siteCode, breachedOn: today, targets };
  return db
    .selectFrom("referrals")
    .select(["urgency", (eb) => eb.fn.countAll<number>().as("n")])
    .where((eb) =>
      eb.and([
        ...criteriaWhere(db, criteria, null),
        sql<SqlBool>`${tabExpr} IN ('triage', 'in_review', 'info_requested')`,
      ]),
    )
    .groupBy("urgency")
    .execute();
}

/**
 * Each first decision a site made in a period, with the indication and the working days the clock had used.
 * A redirect is recorded at the receiving site (transitionReferral), so it counts for the other one here.
 */
export async function firstDecisions(db: Database, siteCode: string, fromIso: string, toIso: string) {
  return (
    db
      .selectFrom("referral_events as e")
      .innerJoin("referrals as r", "r.id", "e.referral_id")
      // A redirect's days are those the sending site used (kept in its event), since the receiving site's clock restarts.
      .select([
        "e.action",
        "r.indication",
        "r.urgency",
        sql<number>`COALESCE(${jsonNumber(db, "e.data", "clockUsedDays")}, r.clock_used_days)`.as("clock_used_days"),
        "e.occurred_at",
      ])
      .where("e.action", "in", ["accept", "decline", "redirect"])
      .where("e.occurred_at", ">=", fromIso)
      .where("e.occurred_at", "<", toIso)
      .whereRef("e.occurred_at", "=", "r.first_decision_at")
      .where((eb) =>
        eb.or([
          eb.and([eb("e.action", "!=", "redirect"), eb("e.site_code", "=", siteCode)]),
          eb.and([eb("e.action", "=", "redirect"), eb("e.site_code", "!=", siteCode)]),
        ]),
      )
      .execute()
  );
}
