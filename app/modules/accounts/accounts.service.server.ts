import { auditBy } from "~/modules/audit/audit.service.server";
import { failureLimit, hashedKey, MINUTE } from "~/modules/rate-limit/rate-limit.service.server";
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
import { newUserRow } from "./new-user-row.server";
import { normalizePassword } from "./password-policy";
import { revokeOtherUserSessions, revokeSession, revokeUserSessions } from "./session.repository.server";
import { openSession, type SessionUser } from "./session.server";
import { rememberDevice, trustedDevice } from "./sign-in-devices.server";
import { openChallenge } from "./mfa-challenge.server";
import { hasConfirmedFactor } from "./mfa.server";
import { clearSignInFailures, recordSignInFailure, signInThrottle } from "./sign-in-throttle.server";

/**
 * Changing one's password while signed in: ten wrong current passwords in a row wait 15 minutes. Only the signed-in
 * owner can reach this, so it locks no one else out; signing in is throttled in sign-in-throttle.server.ts.
 */
const passwordChangeLimit = failureLimit({
  policy: { max: 10, windowMs: null, blockMs: 15 * MINUTE },
  key: (email: string) => hashedKey("password-change:account", email),
});
/** Registrations per address per hour: enough for a department registering together, not for a script. */
const registrationLimit = failureLimit({
  policy: { max: 20, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE },
  key: (ip: string | null) => `register:address:${ip ?? "unknown"}`,
});

export type RequestContext = { ip: string | null; now: Date };

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
  const limit = await registrationLimit.check(db, context.ip, context.now);
  if (limit.blocked) return { kind: "throttled", until: limit.until };
  // Hashing happens outside the transaction: 50 ms of CPU must not hold the database's only writer.
  const passwordHash = await hashPassword(normalizePassword(input.password));
  await db.transaction().execute(async (trx) => {
    // Every registration counts here, not only failed ones: the limit is on volume.
    await registrationLimit.fail(trx, context.ip, context.now);
    const existing = await findUserByEmail(trx, input.email);
    if (existing) {
      const audit = auditBy(trx, null, context);
      await audit("account.registration_repeated", ["user", existing.id]);
      return;
    }
    const id = newId();
    await insertUser(
      trx,
      newUserRow(id, input, passwordHash, {
        role: "physician",
        site_code: null,
        status: "pending",
        approved_by: null,
        approved_at: null,
        created_at: context.now.toISOString(),
      }),
    );
    const audit = auditBy(trx, { id, role: "physician" }, context);
    await audit("account.registered", ["user", id], { country: input.country });
  });
  return { kind: "received" };
}

// ---------------------------------------------------------------------------------------------------------------
// Signing in

/** Who has just signed in, as the sign-in pages need them: where to send them and in which language. */
export type SignedInUser = { id: string; role: string; status: string; preferredLanguage: string };

export type SignInResult =
  | { kind: "signedIn"; user: SignedInUser; setCookie: string; deviceCookie: string }
  /** The right password of an account with a second factor: the code is asked next (sign-in-second-factor.server.ts). */
  | { kind: "secondFactor"; challengeCookie: string }
  /** Unknown email or wrong password: one answer for both. */
  | { kind: "invalid" }
  /** Too many wrong passwords for this email from this browser or address, or from strangers' browsers (known or not). */
  | { kind: "locked"; until: Date }
  /** Too many failures from this address. */
  | { kind: "throttled"; until: Date }
  /** The right password for a suspended or rejected account. */
  | { kind: "disabled" };

/**
 * Verifies an email and password. Unknown emails and wrong passwords do the same work (an argon2 verify, the same
 * counters, one audit event) and get the same answer. Throttling slows strangers per account and address; the
 * browser the owner signed in with before (its device cookie) is not held back by them (sign-in-throttle.server.ts).
 * A new session replaces the one the browser had, if any, and the browser gets a fresh device cookie.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; previousSessionId: string | null; deviceToken?: string | null },
  context: RequestContext,
): Promise<SignInResult> {
  const { now, ip } = context;
  const user = await findUserByEmail(db, input.email);
  const deviceId = await trustedDevice(db, input.deviceToken ?? null, user?.id, now);
  const who = { email: input.email, ip, deviceId };
  const throttle = await signInThrottle(db, who, now);
  // While held back even the right password is refused, and nothing is verified: the same for every email alike.
  if (throttle.blocked)
    return throttle.reason === "address"
      ? { kind: "throttled", until: throttle.until }
      : { kind: "locked", until: throttle.until };

  const passwordHash = user?.password_hash ?? (await dummyPasswordHash());
  const matches = await verifyPassword(passwordHash, normalizePassword(input.password));

  if (!user || !matches) {
    await db.transaction().execute(async (trx) => {
      await recordSignInFailure(trx, who, now);
      const audit = auditBy(trx, null, { now, ip });
      await audit("account.sign_in_failed", ["user", user?.id ?? null], { trustedDevice: deviceId !== null });
    });
    return { kind: "invalid" };
  }

  return db.transaction().execute(async (trx): Promise<SignInResult> => {
    await clearSignInFailures(trx, who);
    if (user.status !== "active" && user.status !== "pending") {
      const audit = auditBy(trx, null, { now, ip });
      await audit("account.sign_in_refused", ["user", user.id], { status: user.status });
      return { kind: "disabled" };
    }
    if (await hasConfirmedFactor(trx, user.id))
      return { kind: "secondFactor", challengeCookie: await openChallenge(trx, user.id, now) };
    return openSignedInSession(
      trx,
      user,
      {
        previousSessionId: input.previousSessionId,
        deviceToken: input.deviceToken ?? null,
        detail: { trustedDevice: deviceId !== null },
      },
      context,
    );
  });
}

/** The last step of every sign-in: the session, a fresh device cookie, the audit event. Inside the caller's transaction. */
export async function openSignedInSession(
  trx: Database,
  user: UserRow,
  input: { previousSessionId: string | null; deviceToken: string | null; detail: Record<string, unknown> },
  { now, ip }: RequestContext,
): Promise<Extract<SignInResult, { kind: "signedIn" }>> {
  if (input.previousSessionId) await revokeSession(trx, input.previousSessionId, now.toISOString());
  const setCookie = await openSession(trx, user.id, now, ip);
  const deviceCookie = await rememberDevice(trx, user.id, input.deviceToken, now);
  const audit = auditBy(trx, user, { now, ip });
  await audit("account.signed_in", ["user", user.id], input.detail);
  const signedIn: SignedInUser = {
    id: user.id,
    role: user.role,
    status: user.status,
    preferredLanguage: user.preferred_language,
  };
  return { kind: "signedIn", user: signedIn, setCookie, deviceCookie };
}

// ---------------------------------------------------------------------------------------------------------------
// The signed-in user's own account

export type ChangePasswordResult =
  { kind: "changed"; otherSessionsEnded: number } | { kind: "wrongCurrent" } | { kind: "locked"; until: Date };

/**
 * Changes the password after checking the current one, and ends every other session (whoever else may know the
 * old password is signed out). Wrong current passwords count toward their own lock.
 */
export async function changePassword(
  db: Database,
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
  context: RequestContext,
): Promise<ChangePasswordResult> {
  const { now, ip } = context;
  const lock = await passwordChangeLimit.check(db, user.email, now);
  if (lock.blocked) return { kind: "locked", until: lock.until };
  const row = await findUserById(db, user.id);
  if (!row || !(await verifyPassword(row.password_hash, normalizePassword(input.currentPassword)))) {
    await db.transaction().execute(async (trx) => {
      await passwordChangeLimit.fail(trx, user.email, now);
      const audit = auditBy(trx, user, { now, ip });
      await audit("account.password_change_failed", ["user", user.id]);
    });
    return { kind: "wrongCurrent" };
  }
  const passwordHash = await hashPassword(normalizePassword(input.newPassword));
  return db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, user.id, passwordHash);
    await passwordChangeLimit.clear(trx, user.email);
    const ended = await revokeOtherUserSessions(trx, user.id, user.sessionId, now.toISOString());
    const audit = auditBy(trx, user, { now, ip });
    await audit("account.password_changed", ["user", user.id], { otherSessionsEnded: ended });
    return { kind: "changed" as const, otherSessionsEnded: ended };
  });
}

/** Ends every session of the user, this one included (a lost phone, a shared computer). */
export async function signOutEverywhere(db: Database, user: SessionUser, context: RequestContext): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await revokeUserSessions(trx, user.id, context.now.toISOString());
    const audit = auditBy(trx, user, context);
    await audit("account.signed_out_everywhere", ["user", user.id], { sessionsEnded: ended });
    return ended;
  });
}

/** The language the portal (and, later, its emails) should use for this user. Not audited: no access, no data. */
export async function setPreferredLanguage(db: Database, user: SessionUser, language: string): Promise<void> {
  await updatePreferredLanguage(db, user.id, language);
}
