import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from "kysely";
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

/** Opens (creating if needed) a SQLite file with the durability settings the portal relies on. */
export function openDatabase(filePath: string): Database {
  fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new SQLite(filePath);
  sqlite.pragma("journal_mode = WAL");
  // WAL defaults to NORMAL, which can lose an acknowledged write on power loss.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

let instance: Promise<Database> | undefined;

/** The server's one database, migrated before first use. */
export function getDb(): Promise<Database> {
  instance ??= (async () => {
    const db = openDatabase(env().databasePath);
    await migrateToLatest(db);
    return db;
  })();
  return instance;
}

/** Whether the database answers a trivial query (the health route's check). */
export async function pingDatabase(): Promise<void> {
  await sql`select 1`.execute(await getDb());
}
