import { cookieName, readCookie, serializeCookie } from "~/utils/cookies.server";
import type { Database } from "~/utils/db.server";
import { randomToken, sha256Hex } from "~/utils/tokens.server";

// The OWASP "device cookie": a browser that has signed in to an account keeps a random token (the database keeps its
// SHA-256). Presented again with that account's email, it marks a trusted client, which strangers' failures elsewhere
// do not slow down (sign-in-throttle.server.ts). Not a credential: the password is still checked every time.

export const DEVICE_COOKIE_DAYS = 180;
const deviceCookie = () => cookieName("kq_device");

export function deviceTokenFrom(request: Request): string | null {
  const token = readCookie(request, deviceCookie());
  return token && token.length >= 32 && token.length <= 128 ? token : null;
}

/** The device's id (its token's hash) when the token is live and was left by this account's sign-in; else null. */
export async function trustedDevice(
  db: Database,
  token: string | null,
  userId: string | undefined,
  now: Date,
): Promise<string | null> {
  if (!token || !userId) return null;
  const id = sha256Hex(token);
  const row = await db
    .selectFrom("sign_in_devices")
    .select(["user_id", "expires_at"])
    .where("token_hash", "=", id)
    .executeTakeFirst();
  return row && row.user_id === userId && row.expires_at > now.toISOString() ? id : null;
}

/** After a successful sign-in: a fresh token for this browser (the old one, if any, is dropped), as a Set-Cookie. */
export async function rememberDevice(
  db: Database,
  userId: string,
  previousToken: string | null,
  now: Date,
): Promise<string> {
  if (previousToken)
    await db.deleteFrom("sign_in_devices").where("token_hash", "=", sha256Hex(previousToken)).execute();
  const token = randomToken();
  await db
    .insertInto("sign_in_devices")
    .values({
      token_hash: sha256Hex(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + DEVICE_COOKIE_DAYS * 86_400_000).toISOString(),
    })
    .execute();
  return serializeCookie(deviceCookie(), token, { maxAgeSeconds: DEVICE_COOKIE_DAYS * 86_400 });
}

/** A device that failed too often is no longer trusted: it falls back to the throttles of a stranger's browser. */
export async function forgetDevice(db: Database, deviceId: string): Promise<void> {
  await db.deleteFrom("sign_in_devices").where("token_hash", "=", deviceId).execute();
}

/** Housekeeping (the retention job): device tokens past their expiry. */
export async function pruneExpiredDevices(db: Database, now: Date): Promise<number> {
  const result = await db.deleteFrom("sign_in_devices").where("expires_at", "<=", now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
