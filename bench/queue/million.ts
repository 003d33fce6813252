// A million referrals for the queue benchmarks, written into a migrated SQLite file (so the 0007 indexes and
// search-key triggers are real) in one transaction with prepared statements. The rows come from
// bench/queue/referral-rows.ts, which the PostgreSQL writer (bench/queue/million-postgres.ts) shares.
// bench/queue.bench.ts times the queue's SQL on it; the HTTP benchmark (`npm run bench:http -- --million`) adds them
// to a demo database and loads the queue page as a demo coordinator.
import SQLite from "better-sqlite3";
import { benchPeople, referralColumns, referralRows, userColumns, type People } from "./referral-rows";

export type { People } from "./referral-rows";

const insertInto = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;

/**
 * Adds `count` referrals to the migrated database `file`, handled by `people` (default: bench accounts made here),
 * then ANALYZE. Returns the seconds it took.
 */
export function fillReferrals(file: string, count: number, people?: People): { seconds: number } {
  const sqlite = new SQLite(file);
  // Loading only: the portal's own connection keeps synchronous=FULL.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("temp_store = MEMORY");
  sqlite.pragma("cache_size = -4000000"); // 4 GB: the whole file stays in memory while it is built
  const insertReferral = sqlite.prepare(insertInto("referrals", referralColumns));
  const started = Date.now();
  sqlite.transaction(() => {
    let handlers = people;
    if (!handlers) {
      const made = benchPeople();
      const insertUser = sqlite.prepare(insertInto("users", userColumns));
      for (const user of made.users) insertUser.run(...user);
      handlers = made.people;
    }
    for (const row of referralRows(count, handlers)) insertReferral.run(...row);
  })();
  sqlite.exec("ANALYZE");
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return { seconds: (Date.now() - started) / 1000 };
}
