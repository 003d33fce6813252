import type { Database } from "~/utils/db.server";
import { sha256Hex } from "~/utils/tokens.server";
import type { RateLimitVerdict } from "~/utils/rate-limit-memory.server";
import {
  deleteRateLimit,
  deleteRateLimitsWithPrefix,
  deleteRateLimitsStartedBefore,
  findRateLimit,
  findRateLimitToCount,
  saveRateLimit,
  type RateLimitRow,
} from "./rate-limit.repository.server";

/**
 * Counts failures per key and blocks the key for a while once there are too many.
 * Examples: sign-in (10 consecutive wrong passwords per account; 50 failures per address in 15 minutes),
 * and later the patient status lookup (5 wrong tries per code; 10 failures per address in 15 minutes).
 */
export type RateLimitPolicy = {
  /** The failure that reaches this count starts the block. */
  max: number;
  /** Failures older than this, counted from the first one, are forgotten; null: they count until cleared ("consecutive"). */
  windowMs: number | null;
  /** How long the key stays blocked, counted from the failure that reached `max`. */
  blockMs: number;
};

export type RateLimitState = { blocked: false; failures: number } | { blocked: true; until: Date };

export const MINUTE = 60_000;

/** A key for a value that should not sit in the table readably (an email address, a reference code). */
export function hashedKey(purpose: string, value: string): string {
  return `${purpose}:${sha256Hex(value)}`;
}

// The row as it stands at `now`: a finished window or an ended block counts as no failures at all.
function live(row: RateLimitRow | undefined, policy: RateLimitPolicy, now: Date): RateLimitState {
  if (!row) return { blocked: false, failures: 0 };
  const started = new Date(row.window_started_at).getTime();
  if (row.count >= policy.max) {
    const until = started + policy.blockMs;
    return now.getTime() < until ? { blocked: true, until: new Date(until) } : { blocked: false, failures: 0 };
  }
  if (policy.windowMs !== null && now.getTime() >= started + policy.windowMs) return { blocked: false, failures: 0 };
  return { blocked: false, failures: row.count };
}

/** Whether the key is blocked now (reads only). */
export async function checkRateLimit(
  db: Database,
  key: string,
  policy: RateLimitPolicy,
  now: Date,
): Promise<RateLimitState> {
  return live(await findRateLimit(db, key), policy, now);
}

/**
 * Counts one failure and answers the state after it. Call inside the caller's transaction so that two
 * concurrent failures cannot both read the same count.
 */
export async function recordFailure(
  db: Database,
  key: string,
  policy: RateLimitPolicy,
  now: Date,
): Promise<RateLimitState> {
  const row = await findRateLimitToCount(db, key);
  const state = live(row, policy, now);
  if (state.blocked) return state;
  const count = state.failures + 1;
  // The window restarts at the first failure; once `max` is reached it marks the start of the block instead.
  const startedAt = state.failures === 0 || count >= policy.max ? now.toISOString() : row!.window_started_at;
  await saveRateLimit(db, { key, count, window_started_at: startedAt });
  return live({ key, count, window_started_at: startedAt }, policy, now);
}

/** A failure limit: its policy, and the key a value (an email, an address, a code) is counted under. */
export type FailureLimit<V> = { policy: RateLimitPolicy; key: (value: V) => string };

/**
 * Checking, counting and clearing a value under one limit: each names only the value, so a check and the failure
 * it counts cannot use different keys or policies.
 */
export function failureLimit<V>({ policy, key }: FailureLimit<V>) {
  return {
    key,
    /** Whether the value is blocked now (reads only). */
    check: (db: Database, value: V, now: Date) => checkRateLimit(db, key(value), policy, now),
    /** Counts one failure for the value (inside the caller's transaction) and answers the state after it. */
    fail: (db: Database, value: V, now: Date) => recordFailure(db, key(value), policy, now),
    /** Forgets the value's failures (a correct password, a correct code). */
    clear: (db: Database, value: V) => clearRateLimit(db, key(value)),
  };
}

/** So many requests per key in a fixed window that starts at the key's first request (the API tokens' limit). */
export type RequestLimit = { limit: number; windowMs: number };

/**
 * Counts one request for `key` and answers whether it may go ahead, as the in-process limiter does, but in the
 * database, so that every app server counts the same requests. Its own transaction: on PostgreSQL the key is locked
 * (findRateLimitToCount) from the read to the write, so two servers' requests are both counted. A refused request is
 * not counted, and the wait is until the window ends.
 */
export async function countRequest(
  db: Database,
  key: string,
  rule: RequestLimit,
  now: Date,
): Promise<RateLimitVerdict> {
  if (!db.isTransaction) return db.transaction().execute((trx) => countRequest(trx, key, rule, now));
  const row = await findRateLimitToCount(db, key);
  const started = row ? new Date(row.window_started_at).getTime() : NaN;
  // No row, or its window is over, starts a new window with this request. A window a little in the future is still
  // current: a request that read its clock before another that got the key first, or another server's clock slightly
  // ahead; only a clock set back by a whole window starts afresh.
  const current = row && Math.abs(now.getTime() - started) < rule.windowMs;
  if (current && row.count >= rule.limit) {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((started + rule.windowMs - now.getTime()) / 1000)) };
  }
  const count = current ? row.count + 1 : 1;
  await saveRateLimit(db, { key, count, window_started_at: current ? row.window_started_at : now.toISOString() });
  return { ok: true, remaining: rule.limit - count };
}

/** Forgets every count whose key starts with `prefix` (a test starting from a clean minute). */
export async function clearRateLimitsWithPrefix(db: Database, prefix: string): Promise<void> {
  await deleteRateLimitsWithPrefix(db, prefix);
}

/** Forgets the key's failures (a correct password, a correct code). */
export async function clearRateLimit(db: Database, key: string): Promise<void> {
  await deleteRateLimit(db, key);
}

/** Housekeeping: drops counters whose window or block started before `before` (a day is far longer than any policy). */
export async function pruneRateLimits(db: Database, before: Date): Promise<number> {
  return deleteRateLimitsStartedBefore(db, before.toISOString());
}
