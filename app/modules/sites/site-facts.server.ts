// The sites' reference facts (country, time zone, names), read once per database per process: the sites table
// changes only through migrations and the admin pages, and an admin change calls forgetSiteFacts().
import { isSiteCode, timeZoneOf, type SiteFacts } from "~/domain/routing/site-facts";
import type { Database } from "~/utils/db.server";
import { listSites } from "./sites.repository.server";

let cache = new WeakMap<Database, Promise<SiteFacts[]>>();

async function readSiteFacts(db: Database): Promise<SiteFacts[]> {
  const rows = await listSites(db);
  return rows.flatMap((row) =>
    isSiteCode(row.code)
      ? [
          {
            code: row.code,
            country: row.country,
            timezone: row.timezone,
            names: { ko: row.name_ko, ja: row.name_ja, en: row.name_en },
          },
        ]
      : [],
  );
}

/** Every known site in code order. Inside a transaction the rows are read afresh (a transaction is its own key). */
export function siteFacts(db: Database): Promise<SiteFacts[]> {
  let facts = cache.get(db);
  if (!facts) {
    facts = readSiteFacts(db);
    // A failed read is not remembered: the next request asks again.
    facts.catch(() => cache.delete(db));
    cache.set(db, facts);
  }
  return facts;
}

/** Called after an administrator changes a site, so every request after it reads the new facts. */
export function forgetSiteFacts(): void {
  cache = new WeakMap();
}

/** The time zone a signed-in person reads times in: their site's, else their country's site's, else the portal's. */
export async function readerTimeZone(
  db: Database,
  who: { siteCode?: string | null; country?: string | null },
): Promise<string> {
  return timeZoneOf(await siteFacts(db), who);
}
