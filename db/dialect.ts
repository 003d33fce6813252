import { PostgresAdapter, sql, type Kysely, type RawBuilder } from "kysely";

// The few places where SQLite and PostgreSQL need different SQL ask here, inside a migration or a repository
// (docs/decisions/0027-postgresql.md). Services and routes never ask which engine they run on.

/** Whether this database (or transaction) is PostgreSQL; otherwise it is the embedded SQLite file. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * A text value inside a JSON text column, by its path of keys (`["patient", "familyNameLatin"]`): SQLite's
 * json_extract, PostgreSQL's `#>>` on the column read as jsonb. Keys are code, never user input.
 */
export function jsonText(db: Kysely<any>, column: string, keys: readonly string[]): RawBuilder<string | null> {
  if (isPostgres(db)) return sql<string | null>`(${sql.raw(column)}::jsonb #>> ${sql.lit(`{${keys.join(",")}}`)})`;
  return sql<string | null>`json_extract(${sql.raw(column)}, ${sql.lit(`$.${keys.join(".")}`)})`;
}

/**
 * The order rows were inserted in, to break ties between rows stamped in the same millisecond. SQLite's rowid grows
 * with each insert; PostgreSQL's physical row address (ctid) follows insertion order in the append-only tables this
 * is used on (decision letters, clinical decisions, a referral's live attachments), which are never updated in place.
 */
export function insertionOrder(db: Kysely<any>, table?: string): RawBuilder<unknown> {
  const column = isPostgres(db) ? "ctid" : "rowid";
  return sql.raw(table ? `${table}.${column}` : column);
}

/** A number inside a JSON text column, by its key at the top level (null when absent). */
export function jsonNumber(db: Kysely<any>, column: string, key: string): RawBuilder<number | null> {
  if (isPostgres(db)) return sql<number | null>`((${sql.raw(column)}::jsonb ->> ${sql.lit(key)})::numeric)`;
  return sql<number | null>`json_extract(${sql.raw(column)}, ${sql.lit(`$.${key}`)})`;
}
