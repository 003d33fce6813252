import { failureLimit, hashedKey, MINUTE } from "~/modules/rate-limit/rate-limit.service.server";
import {
  deleteRateLimit,
  findRateLimit,
  findRateLimitToCount,
  saveRateLimit,
  type RateLimitRow,
} from "~/modules/rate-limit/rate-limit.repository.server";
import type { Database } from "~/utils/db.server";
import { forgetDevice } from "./sign-in-devices.server";

// Throttling that slows an attacker but never locks the owner out (OWASP "Blocking Brute Force Attacks", device
// cookies; docs/decisions/0021-asvs-level-2.md). Every key is per email (hashed), known or not, so an unknown account
// is answered exactly like a known one.
//
// - A stranger's browser (no device cookie for this account) is slowed per account AND address: five failures free,
//   then a growing wait (1, 2, 4, 8 minutes, at most 15) before the next try from that address.
// - Strangers' browsers together may fail 20 times in 15 minutes per account; then strangers' browsers wait 15
//   minutes, while the owner's usual browser (its device cookie) still signs in.
// - One address may fail 50 times in 15 minutes across accounts (a hospital's NAT is many people).
// - The owner's browser has its own count: ten wrong passwords in a row and it stops being trusted.

export const PAIR_FREE_FAILURES = 5;
const PAIR_MAX_DELAY_MS = 15 * MINUTE;
/** A pair's count is forgotten a day after its last failure. */
export const PAIR_MEMORY_MS = 24 * 60 * MINUTE;
export const DEVICE_FAILURES_MAX = 10;

const pairKey = (email: string, ip: string | null) => hashedKey("sign-in:pair", `${email}\n${ip ?? "unknown"}`);
const untrustedLimit = failureLimit({
  policy: { max: 20, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  key: (email: string) => hashedKey("sign-in:untrusted", email),
});
const addressLimit = failureLimit({
  policy: { max: 50, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  key: (ip: string | null) => `sign-in:address:${ip ?? "unknown"}`,
});
const deviceLimit = failureLimit({
  policy: { max: DEVICE_FAILURES_MAX, windowMs: null, blockMs: 15 * MINUTE },
  key: (deviceId: string) => `sign-in:device:${deviceId}`,
});

/** How long after the last failure the next try waits, by how many failures the pair has. */
export function pairDelayMs(failures: number): number {
  return failures < PAIR_FREE_FAILURES ? 0 : Math.min(MINUTE * 2 ** (failures - PAIR_FREE_FAILURES), PAIR_MAX_DELAY_MS);
}

export type Throttle = { blocked: false } | { blocked: true; until: Date; reason: "account" | "address" };

type Who = { email: string; ip: string | null; deviceId: string | null };

function pairFailures(row: RateLimitRow | undefined, now: Date): { count: number; last: number } {
  const last = row ? new Date(row.window_started_at).getTime() : 0;
  return row && now.getTime() - last < PAIR_MEMORY_MS ? { count: row.count, last } : { count: 0, last };
}

/** Whether this try may go ahead (reads only). */
export async function signInThrottle(db: Database, who: Who, now: Date): Promise<Throttle> {
  if (who.deviceId) {
    // The owner's usual browser: only its own failures count.
    const device = await deviceLimit.check(db, who.deviceId, now);
    return device.blocked ? { blocked: true, until: device.until, reason: "account" } : { blocked: false };
  }
  const address = await addressLimit.check(db, who.ip, now);
  if (address.blocked) return { blocked: true, until: address.until, reason: "address" };
  const untrusted = await untrustedLimit.check(db, who.email, now);
  if (untrusted.blocked) return { blocked: true, until: untrusted.until, reason: "account" };
  const pair = pairFailures(await findRateLimit(db, pairKey(who.email, who.ip)), now);
  const until = pair.last + pairDelayMs(pair.count);
  return pair.count >= PAIR_FREE_FAILURES && now.getTime() < until
    ? { blocked: true, until: new Date(until), reason: "account" }
    : { blocked: false };
}

/** Counts one wrong password (inside the caller's transaction). */
export async function recordSignInFailure(db: Database, who: Who, now: Date): Promise<void> {
  if (who.deviceId) {
    const after = await deviceLimit.fail(db, who.deviceId, now);
    if (after.blocked) await forgetDevice(db, who.deviceId);
    return;
  }
  await addressLimit.fail(db, who.ip, now);
  await untrustedLimit.fail(db, who.email, now);
  const key = pairKey(who.email, who.ip);
  // Read to count, like the other counters: on PostgreSQL the key stays locked until the transaction ends, so two
  // servers' failures for one pair are both counted.
  const pair = pairFailures(await findRateLimitToCount(db, key), now);
  await saveRateLimit(db, { key, count: pair.count + 1, window_started_at: now.toISOString() });
}

/** The right password: this browser and address start again from nothing. */
export async function clearSignInFailures(db: Database, who: Who): Promise<void> {
  await deleteRateLimit(db, pairKey(who.email, who.ip));
  if (who.deviceId) await deviceLimit.clear(db, who.deviceId);
}
