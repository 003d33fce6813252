import type { ExpressionBuilder, Selectable, SelectType, Updateable } from "kysely";
import type { DB } from "../../db/types";
import type { Database } from "./db.server";

// The repositories' most common statements touch one table and name its rows by column values: "the attachment with
// this id of this referral, not removed", "the user's unrevoked tokens". These helpers say that once. The table name is
// a type parameter, so inside they use Kysely's dynamic table and column references (Kysely's own recipe for a generic
// find query); the callers stay fully typed: the table must exist, the columns must be its columns and the values of
// their types, and the rows come back typed as the table's rows. The SQL is plain on both engines:
// `select * from "attachments" as "t" where "id" = ? and "removed_at" is null`.

export type TableName = keyof DB & string;

/**
 * The column values a row must have. Each is compared with `=`, a null with `is null`; a column left out, or given as
 * undefined, is not compared (as in Kysely's own filter objects).
 */
export type RowMatch<T extends TableName> = { readonly [C in keyof DB[T]]?: SelectType<DB[T][C]> };

/** The columns an object names with their values; one given as undefined is left out. */
function definedColumns(values: object): [string, unknown][] {
  const entries: [string, unknown][] = Object.entries(values);
  return entries.filter(([, value]) => value !== undefined);
}

/** `column = value and …` (`is null` for a null) over the columns of a table named at run time. */
function matching<S, TB extends keyof S>(db: Database, eb: ExpressionBuilder<S, TB>, match: object) {
  const { ref } = db.dynamic;
  return eb.and(definedColumns(match).map(([column, value]) => eb(ref(column), value === null ? "is" : "=", value)));
}

/**
 * A change names exactly the rows it changes: a value left undefined (say an id that was never read) would drop that
 * column from the match and widen the change — to the whole table, or to every draft — so a write refuses it.
 */
function refuseLooseMatch(match: object) {
  const values = Object.values(match);
  if (values.length === 0 || values.some((value) => value === undefined))
    throw new Error("An update or delete must give a value for every column it names");
}

function table<T extends TableName>(db: Database, name: T) {
  return db.dynamic.table(name).as("t");
}

/** The whole rows of `table` that match, as a query still open to `orderBy`, `limit` and execution. */
export function rowsWhere<T extends TableName>(db: Database, name: T, match: RowMatch<T>) {
  return db
    .selectFrom(table(db, name))
    .selectAll()
    .where((eb) => matching(db, eb, match))
    .$castTo<Selectable<DB[T]>>();
}

/** The row of `table` that matches (the match names a key), or undefined. */
export async function findRow<T extends TableName>(db: Database, name: T, match: RowMatch<T>) {
  return rowsWhere(db, name, match).executeTakeFirst();
}

/** How many rows of `table` match. */
export async function countRows<T extends TableName>(db: Database, name: T, match: RowMatch<T>): Promise<number> {
  const row = await db
    .selectFrom(table(db, name))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where((eb) => matching(db, eb, match))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Sets `set` on the rows of `table` that match `where`; answers how many rows it changed. */
export async function updateRows<T extends TableName>(
  db: Database,
  name: T,
  change: { where: RowMatch<T>; set: Updateable<DB[T]> },
): Promise<number> {
  refuseLooseMatch(change.where);
  const { ref } = db.dynamic;
  let query = db.updateTable(table(db, name)).where((eb) => matching(db, eb, change.where));
  for (const [column, value] of definedColumns(change.set)) query = query.set(ref(column), value);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the rows of `table` that match; answers how many there were. */
export async function deleteRows<T extends TableName>(db: Database, name: T, match: RowMatch<T>): Promise<number> {
  refuseLooseMatch(match);
  const result = await db
    .deleteFrom(table(db, name))
    .where((eb) => matching(db, eb, match))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
