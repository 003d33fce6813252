import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../../db/migrate";

// Vitest's global setup for a run on PostgreSQL (`npm run test:unit:pg`, TEST_DATABASE_URL=postgres://…/postgres).
// It migrates one template database from the registry, once; tests/setup/env.ts then gives each test file its own
// database copied from it (CREATE DATABASE … TEMPLATE copies files, far faster than migrating again), as the SQLite
// run gives each test file its own migrated file. Everything this run created is dropped at the end.
// Without TEST_DATABASE_URL it does nothing: the tests run on SQLite.

/** The databases of one run share this prefix: `<prefix>_template`, and `<prefix>_<random>` per test file. */
export const runPrefix = `kq_test_${process.pid}`;

/** The URL of another database on the same server as `url`. */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withAdmin<T>(url: string, work: (db: Kysely<any>) => Promise<T>): Promise<T> {
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

async function dropRunDatabases(url: string): Promise<void> {
  await withAdmin(url, async (db) => {
    const { rows } = await sql<{
      datname: string;
    }>`select datname from pg_database where datname like ${`${runPrefix}_%`}`.execute(db);
    for (const { datname } of rows) await sql`drop database if exists ${sql.id(datname)} with (force)`.execute(db);
  });
}

export default async function setup(): Promise<(() => Promise<void>) | void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `${runPrefix}_template`;
  // Byte order (C collation), as SQLite compares text: the queue's prefix ranges and sort orders rely on it.
  await withAdmin(url, (db) =>
    sql`create database ${sql.id(template)} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`.execute(
      db,
    ),
  );
  const templateUrl = databaseUrl(url, template);
  await withAdmin(templateUrl, (db) => migrateToLatest(db));
  // Read by each test file's setup (forked after this ran).
  process.env.KQ_TEST_TEMPLATE_DATABASE = template;
  return () => dropRunDatabases(url);
}
