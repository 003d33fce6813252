import { cookieName, readCookie, serializeCookie } from "~/utils/cookies.server";
import type { Database } from "~/utils/db.server";
import { randomToken, sha256Hex } from "~/utils/tokens.server";
import { verifySecondFactor } from "./mfa.server";

// Between a right password and a right code: a challenge the browser names with a short-lived cookie (the database
// keeps its hash). Five wrong codes, or five minutes, and the password must be typed again.

export const CHALLENGE_MINUTES = 5;
export const CHALLENGE_ATTEMPTS = 5;
const challengeCookie = () => cookieName("kq_mfa");

export function challengeTokenFrom(request: Request): string | null {
  return readCookie(request, challengeCookie()) ?? null;
}

export function clearChallengeCookie(): string {
  return serializeCookie(challengeCookie(), "", { maxAgeSeconds: 0 });
}

/** After the right password of an account with a second factor: the Set-Cookie that names the challenge. */
export async function openChallenge(db: Database, userId: string, now: Date): Promise<string> {
  const token = randomToken();
  await db.deleteFrom("mfa_challenges").where("user_id", "=", userId).execute();
  await db
    .insertInto("mfa_challenges")
    .values({
      id: sha256Hex(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
      attempts: 0,
    })
    .execute();
  return serializeCookie(challengeCookie(), token, { maxAgeSeconds: CHALLENGE_MINUTES * 60 });
}

/** Whose challenge the cookie names, while it is live; null otherwise. */
export async function liveChallenge(
  db: Database,
  token: string | null,
  now: Date,
): Promise<{ id: string; userId: string } | null> {
  if (!token) return null;
  const row = await db
    .selectFrom("mfa_challenges")
    .select(["id", "user_id", "expires_at", "attempts"])
    .where("id", "=", sha256Hex(token))
    .executeTakeFirst();
  return row && row.expires_at > now.toISOString() && row.attempts < CHALLENGE_ATTEMPTS
    ? { id: row.id, userId: row.user_id }
    : null;
}

export type ChallengeAnswer =
  | { kind: "passed"; userId: string; method: "code" | "recovery" }
  | { kind: "wrong"; userId: string }
  | { kind: "expired" };

/** Checks a typed code against the challenge: passed (the challenge is used up), wrong (counted), or expired. */
export async function answerChallenge(
  db: Database,
  token: string | null,
  typed: string,
  now: Date,
): Promise<ChallengeAnswer> {
  const challenge = await liveChallenge(db, token, now);
  if (!challenge) return { kind: "expired" };
  const method = await verifySecondFactor(db, challenge.userId, typed, now);
  if (method) {
    await db.deleteFrom("mfa_challenges").where("id", "=", challenge.id).execute();
    return { kind: "passed", userId: challenge.userId, method };
  }
  await db
    .updateTable("mfa_challenges")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", challenge.id)
    .execute();
  return { kind: "wrong", userId: challenge.userId };
}

/** Housekeeping (the retention job). */
export async function pruneExpiredChallenges(db: Database, now: Date): Promise<number> {
  const result = await db.deleteFrom("mfa_challenges").where("expires_at", "<=", now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
