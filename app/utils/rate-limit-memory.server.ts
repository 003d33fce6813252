/**
 * An in-process fixed-window rate limiter, for anonymous, read-only doors (the screen) where writing a database row
 * per request would cost more than the request itself. Counts live in this process only: a restart forgets them,
 * which is acceptable for a limiter that protects CPU, not accounts (accounts use the database-backed limiter).
 */
export type RateLimitVerdict = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type MemoryRateLimiter = {
  /** Counts one request for `key` at `nowMs`; refuses once `limit` requests fell in the current window. */
  hit(key: string, nowMs: number): RateLimitVerdict;
  reset(): void;
};

export function createMemoryRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): MemoryRateLimiter {
  const { limit, windowMs, maxKeys = 50_000 } = options;
  const windows = new Map<string, { startedAt: number; count: number }>();

  function prune(nowMs: number) {
    for (const [key, entry] of windows) if (nowMs - entry.startedAt >= windowMs) windows.delete(key);
    // Still full (a flood of distinct addresses): forget the oldest entries rather than grow without bound.
    if (windows.size >= maxKeys) {
      const excess = windows.size - Math.floor(maxKeys / 2);
      let removed = 0;
      for (const key of windows.keys()) {
        if (removed++ >= excess) break;
        windows.delete(key);
      }
    }
  }

  return {
    hit(key, nowMs) {
      let entry = windows.get(key);
      if (!entry || nowMs - entry.startedAt >= windowMs) {
        if (!entry && windows.size >= maxKeys) prune(nowMs);
        entry = { startedAt: nowMs, count: 0 };
        windows.set(key, entry);
      }
      if (entry.count >= limit) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.startedAt + windowMs - nowMs) / 1000)) };
      }
      entry.count += 1;
      return { ok: true, remaining: limit - entry.count };
    },
    reset() {
      windows.clear();
    },
  };
}
