import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from "kysely";
import pg from "pg";
import type { DB } from "../../db/types";
import { migrateToLatest } from "../../db/migrate";
import { env } from "./env.server";

export type Database = Kysely<DB>;

// Kysely's SQLite driver prepares every statement anew on every query; preparing costs more than running most of
// the portal's small indexed queries. The statements it asks for are a few hundred distinct texts, so each is
// prepared once and kept. A statement still being iterated (a streamed query) is busy: then a fresh one is made.
const MAX_CACHED_STATEMENTS = 2_000;

function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const known = statements.get(text);
      if (known && !known.busy) return known;
      const statement = sqlite.prepare(text);
      // Texts that differ only by the length of an IN list could grow the map without end: start again instead.
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
      if (!known) statements.set(text, statement);
      return statement;
    },
  };
}

/** Whether a database location names a PostgreSQL server (`postgres://…`) rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

// The portal's schema keeps counts in integers and booleans as 0/1, as SQLite answers them. PostgreSQL answers count()
// and sum() as bigint and numeric, which node-postgres leaves as strings, and comparisons as booleans: read them as
// the numbers SQLite gives, so repositories see the same values on both engines.
const sqliteLikeTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    if (oid === pg.types.builtins.BOOL) return (value: string) => (value === "t" ? 1 : 0);
    return format ? pg.types.getTypeParser(oid, format) : pg.types.getTypeParser(oid);
  },
};

/** A pool of connections to a PostgreSQL database (`DATABASE_URL`); several app servers may share the database. */
export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: env().DATABASE_POOL_SIZE, types: sqliteLikeTypes });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the database at `location`: a `postgres://` URL, or a SQLite file (created if needed) with the durability
 * settings the portal relies on.
 */
export function openDatabase(location: string): Database {
  if (isPostgresUrl(location)) return openPostgres(location);
  const filePath = location;
  fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new SQLite(filePath);
  sqlite.pragma("journal_mode = WAL");
  // WAL defaults to NORMAL, which can lose an acknowledged write on power loss.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** The database's location for a log line: a PostgreSQL URL without its password. */
export function databaseForLog(location: string): string {
  if (!isPostgresUrl(location)) return location;
  const url = new URL(location);
  url.password = "";
  return url.toString();
}

let instance: Promise<Database> | undefined;

/** The server's one database, migrated before first use. */
export function getDb(): Promise<Database> {
  instance ??= (async () => {
    const db = openDatabase(env().databaseLocation);
    await migrateToLatest(db);
    return db;
  })();
  return instance;
}

/** Whether the database answers a trivial query (the health route's check). */
export async function pingDatabase(): Promise<void> {
  await sql`select 1`.execute(await getDb());
}
