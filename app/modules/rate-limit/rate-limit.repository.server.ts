import { sql } from "kysely";
import { isPostgres } from "../../../db/dialect";
import type { Database } from "~/utils/db.server";

export type RateLimitRow = { key: string; count: number; window_started_at: string };

export async function findRateLimit(db: Database, key: string): Promise<RateLimitRow | undefined> {
  return db.selectFrom("rate_limits").selectAll().where("key", "=", key).executeTakeFirst();
}

/**
 * The key's row, to count one more failure: on PostgreSQL the key is locked until the caller's transaction ends
 * (an advisory lock, since the first failure has no row yet), so failures at two app servers are both counted.
 * SQLite's single writer already serialises them.
 */
export async function findRateLimitToCount(db: Database, key: string): Promise<RateLimitRow | undefined> {
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
  return findRateLimit(db, key);
}

export async function saveRateLimit(db: Database, row: RateLimitRow): Promise<void> {
  await db
    .insertInto("rate_limits")
    .values(row)
    .onConflict((oc) => oc.column("key").doUpdateSet({ count: row.count, window_started_at: row.window_started_at }))
    .execute();
}

export async function deleteRateLimit(db: Database, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

export async function deleteRateLimitsStartedBefore(db: Database, before: string): Promise<number> {
  const result = await db.deleteFrom("rate_limits").where("window_started_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every key that starts with `prefix`, as a range on the primary key (text compares byte by byte on both engines). */
export async function deleteRateLimitsWithPrefix(db: Database, prefix: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", ">=", prefix).where("key", "<", `${prefix}\u{10FFFF}`).execute();
}
