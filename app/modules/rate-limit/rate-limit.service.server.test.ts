import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import {
  checkRateLimit,
  clearRateLimit,
  clearRateLimitsWithPrefix,
  countRequest,
  failureLimit,
  MINUTE,
  pruneRateLimits,
  recordFailure,
  type RateLimitPolicy,
} from "./rate-limit.service.server";

const t0 = new Date("2026-11-26T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

describe("rate limits", () => {
  it("blocks a key at the failure that reaches the limit, until the block ends", async () => {
    const db = await getDb();
    // The patient status lookup's shape: 5 wrong tries lock a code for 15 minutes.
    const policy: RateLimitPolicy = { max: 5, windowMs: null, blockMs: 15 * MINUTE };
    for (let i = 1; i <= 4; i++)
      expect(await recordFailure(db, "code:A", policy, at(i))).toEqual({ blocked: false, failures: i });
    expect(await recordFailure(db, "code:A", policy, at(5))).toEqual({ blocked: true, until: at(20) });
    expect(await checkRateLimit(db, "code:A", policy, at(19.9))).toEqual({ blocked: true, until: at(20) });
    // A failure while blocked does not extend the block.
    expect(await recordFailure(db, "code:A", policy, at(10))).toEqual({ blocked: true, until: at(20) });
    expect(await checkRateLimit(db, "code:A", policy, at(20))).toEqual({ blocked: false, failures: 0 });
    // After the block the count starts again from one.
    expect(await recordFailure(db, "code:A", policy, at(21))).toEqual({ blocked: false, failures: 1 });
    // Other keys are untouched.
    expect(await checkRateLimit(db, "code:B", policy, at(10))).toEqual({ blocked: false, failures: 0 });
  });

  it("forgets failures when their window has passed", async () => {
    const db = await getDb();
    // The per-address shape: 10 failures in 15 minutes.
    const policy: RateLimitPolicy = { max: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };
    for (let i = 0; i < 9; i++) await recordFailure(db, "address:1", policy, at(i));
    expect(await checkRateLimit(db, "address:1", policy, at(14))).toEqual({ blocked: false, failures: 9 });
    expect(await checkRateLimit(db, "address:1", policy, at(15))).toEqual({ blocked: false, failures: 0 });
    expect(await recordFailure(db, "address:1", policy, at(16))).toEqual({ blocked: false, failures: 1 });
  });

  it("counts, checks and clears a value under its limit's own key and policy", async () => {
    const db = await getDb();
    const policy: RateLimitPolicy = { max: 2, windowMs: null, blockMs: 15 * MINUTE };
    const limit = failureLimit({ policy, key: (email: string) => `limit-test:${email}` });
    expect(await limit.fail(db, "one@hospital.test", at(1))).toEqual({ blocked: false, failures: 1 });
    expect(await limit.fail(db, "one@hospital.test", at(2))).toEqual({ blocked: true, until: at(17) });
    expect(await limit.check(db, "one@hospital.test", at(3))).toEqual({ blocked: true, until: at(17) });
    // The counter is the one its key names, and another value has its own.
    expect(await checkRateLimit(db, "limit-test:one@hospital.test", policy, at(3))).toEqual({
      blocked: true,
      until: at(17),
    });
    expect(await limit.check(db, "two@hospital.test", at(3))).toEqual({ blocked: false, failures: 0 });
    await limit.clear(db, "one@hospital.test");
    expect(await limit.check(db, "one@hospital.test", at(3))).toEqual({ blocked: false, failures: 0 });
  });

  it("clears on success and prunes old rows", async () => {
    const db = await getDb();
    const policy: RateLimitPolicy = { max: 3, windowMs: null, blockMs: MINUTE };
    await recordFailure(db, "account:x", policy, at(0));
    await recordFailure(db, "account:x", policy, at(1));
    await clearRateLimit(db, "account:x");
    expect(await checkRateLimit(db, "account:x", policy, at(2))).toEqual({ blocked: false, failures: 0 });
    await recordFailure(db, "old", policy, at(0));
    await recordFailure(db, "new", policy, at(60 * 24));
    expect(await pruneRateLimits(db, at(60))).toBeGreaterThanOrEqual(1);
    expect(await checkRateLimit(db, "old", policy, at(60 * 24))).toEqual({ blocked: false, failures: 0 });
    expect(await checkRateLimit(db, "new", policy, at(60 * 24))).toEqual({ blocked: false, failures: 1 });
  });

  it("lets a key make so many requests in a window, then answers the wait until the window ends", async () => {
    const db = await getDb();
    const rule = { limit: 3, windowMs: MINUTE };
    for (let i = 1; i <= 3; i++)
      expect(await countRequest(db, "api-token:a", rule, at(i / 10))).toEqual({ ok: true, remaining: 3 - i });
    expect(await countRequest(db, "api-token:a", rule, at(0.5))).toEqual({ ok: false, retryAfterSeconds: 36 });
    // A refused request is not counted, and another key has its own window.
    expect(await countRequest(db, "api-token:b", rule, at(0.5))).toEqual({ ok: true, remaining: 2 });
    // The window started at the first request: a minute later it starts again.
    expect(await countRequest(db, "api-token:a", rule, at(1.1))).toEqual({ ok: true, remaining: 2 });
    await clearRateLimitsWithPrefix(db, "api-token:");
    expect(await countRequest(db, "api-token:a", rule, at(1.2))).toEqual({ ok: true, remaining: 2 });
    expect(await countRequest(db, "api-token:b", rule, at(1.2))).toEqual({ ok: true, remaining: 2 });
  });

  it("counts requests made at the same moment once each (on PostgreSQL, on several pooled connections)", async () => {
    const db = await getDb();
    const rule = { limit: 10, windowMs: MINUTE };
    const verdicts = await Promise.all(
      Array.from({ length: 25 }, () => countRequest(db, "api-token:busy", rule, at(0))),
    );
    expect(verdicts.filter((v) => v.ok)).toHaveLength(10);
    expect(await countRequest(db, "api-token:busy", rule, at(0.1))).toMatchObject({ ok: false });
  });
});
