// The PostgreSQL writer of the queue benchmark's referrals (bench/queue/referral-rows.ts makes them; the SQLite
// writer is bench/queue/million.ts). Rows go in batches of BATCH through one INSERT … SELECT FROM unnest(arrays) each:
// one statement and one round trip per batch, one parameter per column whatever the batch size (a VALUES list would
// hit PostgreSQL's 65,535 parameters at 2,849 rows), all in one transaction. The migrated database's indexes and
// search-key trigger stay in place, so what is timed afterwards is what the portal's own writes would have built.
import pg from "pg";
import { benchPeople, referralColumns, referralRows, userColumns, type People, type Value } from "./referral-rows";

const BATCH = 5_000;
const integerColumns = new Set(["clock_used_days", "failed_login_count"]);

async function insertBatch(client: pg.Client, table: string, columns: readonly string[], rows: Value[][]) {
  const arrays = columns.map((_, c) => rows.map((row) => row[c]));
  const casts = columns.map((column, i) => `$${i + 1}::${integerColumns.has(column) ? "integer" : "text"}[]`);
  await client.query(`INSERT INTO ${table} (${columns.join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`, arrays);
}

/**
 * Adds `count` referrals to the migrated PostgreSQL database at `url`, handled by `people` (default: bench accounts
 * made here), then VACUUM (ANALYZE), as autovacuum would leave a table after a load. Returns the seconds each took.
 */
export async function fillReferralsPostgres(
  url: string,
  count: number,
  people?: People,
): Promise<{ seconds: number; vacuumSeconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    await client.query("BEGIN");
    let handlers = people;
    if (!handlers) {
      const made = benchPeople();
      await insertBatch(client, "users", userColumns, made.users);
      handlers = made.people;
    }
    let batch: Value[][] = [];
    let written = 0;
    for (const row of referralRows(count, handlers)) {
      batch.push(row);
      if (batch.length < BATCH) continue;
      await insertBatch(client, "referrals", referralColumns, batch);
      written += batch.length;
      batch = [];
      if (written % 100_000 === 0) console.log(`  ${written.toLocaleString("en")} written`);
    }
    if (batch.length) await insertBatch(client, "referrals", referralColumns, batch);
    await client.query("COMMIT");
    const seconds = (Date.now() - started) / 1000;
    await client.query("VACUUM (ANALYZE)");
    return { seconds, vacuumSeconds: (Date.now() - started) / 1000 - seconds };
  } finally {
    await client.end();
  }
}
