import type { Database } from "~/utils/db.server";

// Where a queue search by name or partial code is settled before the page query runs (see queuePage).

export type QueueCriteria = {
  siteCode: string;
  indication?: string;
  outcome?: string;
  urgency?: string;
  /** A staff member's id, or null for "not assigned". */
  assigneeId?: string | null;
  /** Only referrals whose clock has run out by this site date. */
  breachedOn?: string;
  targets: { urgent: number; routine: number };
  /** A canonical reference code: that referral only. */
  referenceCode?: string;
  /** The canonical start of a code (at least 5 symbols): the referrals whose code begins with it. */
  codePrefix?: string;
  /** What to search by name instead if no code at the site begins with codePrefix (it may be a Latin name). */
  nameIfNoCode?: string;
  /** A normalised name (see queue.service): referrals whose name keys start with it. */
  namePrefix?: string;
  /** The referrals a narrow name search matched (set by resolveNameSearch; replaces namePrefix). */
  nameMatches?: string[];
  /** How a wider name search meets the tab's index (set by resolveNameSearch). */
  nameProbe?: "list" | "row";
};

/** Up to this many matching name keys, a search looks its referrals up by id. */
export const NARROW_SEARCH = 500;
/** Beyond this many, building the list of matches costs more than probing each row of the tab. */
export const BROAD_SEARCH = 20_000;

/**
 * Chooses how a name search runs, so it stays fast at a million referrals whatever the name: a narrow search (most:
 * one patient's name) becomes its referrals' ids, looked up directly; a wider one walks the tab's index in order
 * and checks each row against the list of matches; a very broad one ("김") checks each row's own keys instead,
 * since building a list of a hundred thousand matches would cost more than the few rows a page needs.
 */
export async function resolveNameSearch(
  db: Database,
  criteria: QueueCriteria,
  narrow = NARROW_SEARCH,
  broad = BROAD_SEARCH,
): Promise<QueueCriteria> {
  if (!criteria.namePrefix) return criteria;
  const range = db
    .selectFrom("referral_search_keys")
    .where("site_code", "=", criteria.siteCode)
    .where("key", ">=", criteria.namePrefix)
    .where("key", "<", `${criteria.namePrefix}\u{10FFFF}`);
  const keys = await db
    .selectFrom(
      range
        .select("referral_id")
        .limit(broad + 1)
        .as("matching"),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  const n = Number(keys?.n ?? 0);
  if (n > broad) return { ...criteria, nameProbe: "row" };
  if (n > narrow) return { ...criteria, nameProbe: "list" };
  const rows = await range.select("referral_id").distinct().execute();
  const { namePrefix: _prefix, ...rest } = criteria;
  return { ...rest, nameMatches: rows.map((r) => r.referral_id) };
}

/**
 * Settles a partial code that could also be a name ("TANAKA" reads as code symbols too): the code if any referral
 * of the site has a code starting so, the name otherwise. One index probe on the unique reference_code index.
 */
export async function resolveCodeSearch(db: Database, criteria: QueueCriteria): Promise<QueueCriteria> {
  const { nameIfNoCode, ...rest } = criteria;
  if (!criteria.codePrefix || nameIfNoCode === undefined) return rest;
  const found = await db
    .selectFrom("referrals")
    .select("id")
    .where("reference_code", ">=", criteria.codePrefix)
    .where("reference_code", "<", `${criteria.codePrefix}\u{10FFFF}`)
    .where("site_code", "=", criteria.siteCode)
    .limit(1)
    .executeTakeFirst();
  if (found) return rest;
  const { codePrefix: _prefix, ...byName } = rest;
  return { ...byName, namePrefix: nameIfNoCode };
}
