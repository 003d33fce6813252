import { recordAudit } from "~/modules/audit/audit.service.server";
import {
  checkRateLimit,
  clearRateLimit,
  hashedKey,
  MINUTE,
  recordFailure,
  type RateLimitPolicy,
} from "~/modules/rate-limit/rate-limit.service.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import type { RegisterInput } from "./accounts.schema";
import {
  findUserByEmail,
  findUserById,
  insertUser,
  updatePasswordHash,
  updatePreferredLanguage,
  type UserRow,
} from "./accounts.repository.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";
import { normalizePassword } from "./password-policy";
import { revokeOtherUserSessions, revokeSession, revokeUserSessions } from "./session.repository.server";
import { openSession, type SessionUser } from "./session.server";

/** Ten wrong passwords in a row lock the email for 15 minutes (known or not, so a lock reveals nothing). */
export const SIGN_IN_ACCOUNT_POLICY: RateLimitPolicy = { max: 10, windowMs: null, blockMs: 15 * MINUTE };
/** One address may fail 50 times in 15 minutes (a hospital's NAT is one address for many people). */
export const SIGN_IN_ADDRESS_POLICY: RateLimitPolicy = { max: 50, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };
/** Registrations per address per hour: enough for a department registering together, not for a script. */
export const REGISTER_ADDRESS_POLICY: RateLimitPolicy = { max: 20, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE };

export type RequestContext = { ip: string | null; now: Date };

const accountKey = (email: string) => hashedKey("sign-in:account", email);
const addressKey = (purpose: string, ip: string | null) => `${purpose}:address:${ip ?? "unknown"}`;

// Computed once per process at start, so the first unknown-email sign-in costs no more than any other.
void dummyPasswordHash();

// ---------------------------------------------------------------------------------------------------------------
// Registration

export type RegisterResult = { kind: "received" } | { kind: "throttled"; until: Date };

/**
 * A physician registers and waits for approval. A second registration with an address already known is answered
 * exactly like a first one (same work, same response), so the form cannot be used to learn who has an account;
 * the attempt is recorded in the audit log for the administrators.
 */
export async function register(db: Database, input: RegisterInput, context: RequestContext): Promise<RegisterResult> {
  const key = addressKey("register", context.ip);
  const limit = await checkRateLimit(db, key, REGISTER_ADDRESS_POLICY, context.now);
  if (limit.blocked) return { kind: "throttled", until: limit.until };
  // Hashing happens outside the transaction: 50 ms of CPU must not hold the database's only writer.
  const passwordHash = await hashPassword(normalizePassword(input.password));
  await db.transaction().execute(async (trx) => {
    // Every registration counts here, not only failed ones: the limit is on volume.
    await recordFailure(trx, key, REGISTER_ADDRESS_POLICY, context.now);
    const existing = await findUserByEmail(trx, input.email);
    if (existing) {
      await recordAudit(trx, {
        actor: null,
        action: "account.registration_repeated",
        subjectType: "user",
        subjectId: existing.id,
        ip: context.ip,
        at: context.now,
      });
      return;
    }
    const id = newId();
    await insertUser(trx, {
      id,
      email: input.email,
      password_hash: passwordHash,
      family_name: input.familyName,
      given_name: input.givenName,
      role: "physician",
      site_code: null,
      institution: input.institution,
      country: input.country,
      preferred_language: input.preferredLanguage,
      status: "pending",
      approved_by: null,
      approved_at: null,
      created_at: context.now.toISOString(),
      failed_login_count: 0,
      locked_until: null,
    });
    await recordAudit(trx, {
      actor: { id, role: "physician" },
      action: "account.registered",
      subjectType: "user",
      subjectId: id,
      detail: { country: input.country },
      ip: context.ip,
      at: context.now,
    });
  });
  return { kind: "received" };
}

// ---------------------------------------------------------------------------------------------------------------
// Signing in

export type SignInResult =
  | { kind: "signedIn"; user: UserRow; setCookie: string }
  /** Unknown email or wrong password: one answer for both. */
  | { kind: "invalid" }
  /** Too many wrong passwords for this email (known or not). */
  | { kind: "locked"; until: Date }
  /** Too many failures from this address. */
  | { kind: "throttled"; until: Date }
  /** The right password for a suspended or rejected account. */
  | { kind: "disabled" };

/**
 * Verifies an email and password. Unknown emails and wrong passwords do the same work (an argon2 verify, two
 * counters, one audit event) and get the same answer. A new session replaces the one the browser had, if any.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; previousSessionId: string | null },
  context: RequestContext,
): Promise<SignInResult> {
  const { now, ip } = context;
  const address = await checkRateLimit(db, addressKey("sign-in", ip), SIGN_IN_ADDRESS_POLICY, now);
  if (address.blocked) return { kind: "throttled", until: address.until };
  const account = await checkRateLimit(db, accountKey(input.email), SIGN_IN_ACCOUNT_POLICY, now);
  // While locked even the right password is refused, and nothing is verified: the lock answers for every email alike.
  if (account.blocked) return { kind: "locked", until: account.until };

  const user = await findUserByEmail(db, input.email);
  const passwordHash = user?.password_hash ?? (await dummyPasswordHash());
  const matches = await verifyPassword(passwordHash, normalizePassword(input.password));

  if (!user || !matches) {
    await db.transaction().execute(async (trx) => {
      await recordFailure(trx, addressKey("sign-in", ip), SIGN_IN_ADDRESS_POLICY, now);
      const after = await recordFailure(trx, accountKey(input.email), SIGN_IN_ACCOUNT_POLICY, now);
      await recordAudit(trx, {
        actor: null,
        action: "account.sign_in_failed",
        subjectType: "user",
        subjectId: user?.id ?? null,
        detail: { locked: after.blocked },
        ip,
        at: now,
      });
    });
    return { kind: "invalid" };
  }

  return db.transaction().execute(async (trx): Promise<SignInResult> => {
    await clearRateLimit(trx, accountKey(input.email));
    if (user.status !== "active" && user.status !== "pending") {
      await recordAudit(trx, { actor: null, action: "account.sign_in_refused", subjectType: "user", subjectId: user.id, detail: { status: user.status }, ip, at: now });
      return { kind: "disabled" };
    }
    if (input.previousSessionId) await revokeSession(trx, input.previousSessionId, now.toISOString());
    const setCookie = await openSession(trx, user.id, now, ip);
    await recordAudit(trx, { actor: { id: user.id, role: user.role }, action: "account.signed_in", subjectType: "user", subjectId: user.id, ip, at: now });
    return { kind: "signedIn", user, setCookie };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The signed-in user's own account

export type ChangePasswordResult = { kind: "changed"; otherSessionsEnded: number } | { kind: "wrongCurrent" } | { kind: "locked"; until: Date };

/**
 * Changes the password after checking the current one, and ends every other session (whoever else may know the
 * old password is signed out). Wrong current passwords count toward the same lock as sign-in.
 */
export async function changePassword(
  db: Database,
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
  context: RequestContext,
): Promise<ChangePasswordResult> {
  const { now, ip } = context;
  const key = accountKey(user.email);
  const lock = await checkRateLimit(db, key, SIGN_IN_ACCOUNT_POLICY, now);
  if (lock.blocked) return { kind: "locked", until: lock.until };
  const row = await findUserById(db, user.id);
  if (!row || !(await verifyPassword(row.password_hash, normalizePassword(input.currentPassword)))) {
    await db.transaction().execute(async (trx) => {
      await recordFailure(trx, key, SIGN_IN_ACCOUNT_POLICY, now);
      await recordAudit(trx, { actor: { id: user.id, role: user.role }, action: "account.password_change_failed", subjectType: "user", subjectId: user.id, ip, at: now });
    });
    return { kind: "wrongCurrent" };
  }
  const passwordHash = await hashPassword(normalizePassword(input.newPassword));
  return db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, user.id, passwordHash);
    await clearRateLimit(trx, key);
    const ended = await revokeOtherUserSessions(trx, user.id, user.sessionId, now.toISOString());
    await recordAudit(trx, {
      actor: { id: user.id, role: user.role },
      action: "account.password_changed",
      subjectType: "user",
      subjectId: user.id,
      detail: { otherSessionsEnded: ended },
      ip,
      at: now,
    });
    return { kind: "changed" as const, otherSessionsEnded: ended };
  });
}

/** Ends every session of the user, this one included (a lost phone, a shared computer). */
export async function signOutEverywhere(db: Database, user: SessionUser, context: RequestContext): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await revokeUserSessions(trx, user.id, context.now.toISOString());
    await recordAudit(trx, {
      actor: { id: user.id, role: user.role },
      action: "account.signed_out_everywhere",
      subjectType: "user",
      subjectId: user.id,
      detail: { sessionsEnded: ended },
      ip: context.ip,
      at: context.now,
    });
    return ended;
  });
}

/** The language the portal (and, later, its emails) should use for this user. Not audited: no access, no data. */
export async function setPreferredLanguage(db: Database, user: SessionUser, language: string): Promise<void> {
  await updatePreferredLanguage(db, user.id, language);
}
