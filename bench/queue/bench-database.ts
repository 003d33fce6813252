// Where bench/queue.bench.ts runs: a SQLite file (default) or a PostgreSQL database (KQ_BENCH_DATABASE_URL), each
// migrated from the registry and filled with the same generated referrals (bench/queue/referral-rows.ts), or reused.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../app/utils/db.server";
import { migrateToLatest } from "../../db/migrate";
import { fillReferrals } from "./million";
import { fillReferralsPostgres } from "./million-postgres";

export type BenchDatabase = { db: Database; engine: string; close: () => Promise<void> };

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/**
 * A temporary SQLite file, deleted afterwards; KQ_BENCH_DB=/some/file.sqlite keeps it there and reuses it on the next
 * run (generation takes minutes).
 */
export async function sqliteBenchDatabase(count: number): Promise<BenchDatabase> {
  const kept = process.env.KQ_BENCH_DB;
  const dir = kept ? null : fs.mkdtempSync(path.join(os.tmpdir(), "kq-queue-bench-"));
  const file = kept ?? path.join(dir!, "queue.sqlite");
  if (!kept || !fs.existsSync(file)) {
    const migrating = openDatabase(file);
    await migrateToLatest(migrating);
    await migrating.destroy();
    console.log(`Generating ${count.toLocaleString("en")} referrals in ${file} ...`);
    const { seconds } = fillReferrals(file, count);
    const size = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    console.log(`  inserted in ${seconds.toFixed(1)} s (search keys by trigger included), ${megabytes(size)}`);
  } else {
    console.log(`Reusing ${file}`);
  }
  const db = openDatabase(file);
  return {
    db,
    engine: "SQLite",
    close: async () => {
      await db.destroy();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The URL of another database on the server `serverUrl` names. */
function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A database of its own on the PostgreSQL server KQ_BENCH_DATABASE_URL names (any database there, e.g. /postgres),
 * made as the README's "Running on PostgreSQL" says (C collation), dropped afterwards; KQ_BENCH_PG_DATABASE=name
 * keeps it under that name and reuses it on the next run if it was completed for the same count.
 */
export async function postgresBenchDatabase(serverUrl: string, count: number): Promise<BenchDatabase> {
  const kept = process.env.KQ_BENCH_PG_DATABASE;
  const name = kept ?? `kq_queue_bench_${process.pid}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("KQ_BENCH_PG_DATABASE: lower-case letters, digits and _");
  const url = databaseUrl(serverUrl, name);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // A database is marked complete (by its comment) only once filled, so an interrupted build is made again.
  const marker = `kq queue bench: ${count} referrals`;
  const found = await admin.query<{ note: string | null }>(
    "SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1",
    [name],
  );
  if (found.rows[0]?.note === marker) {
    console.log(`Reusing PostgreSQL database ${name}`);
  } else {
    if (found.rows.length) await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'`);
    const migrating = openDatabase(url);
    await migrateToLatest(migrating);
    await migrating.destroy();
    console.log(`Generating ${count.toLocaleString("en")} referrals in PostgreSQL database ${name} ...`);
    const { seconds, vacuumSeconds } = await fillReferralsPostgres(url, count);
    const size = await admin.query<{ bytes: string }>("SELECT pg_database_size($1) AS bytes", [name]);
    console.log(
      `  inserted in ${seconds.toFixed(1)} s (search keys by trigger included), VACUUM (ANALYZE) ${vacuumSeconds.toFixed(1)} s, ${megabytes(Number(size.rows[0]!.bytes))}`,
    );
    await admin.query(`COMMENT ON DATABASE "${name}" IS '${marker}'`);
  }
  const db = openDatabase(url);
  return {
    db,
    engine: "PostgreSQL",
    close: async () => {
      await db.destroy();
      if (!kept) await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
