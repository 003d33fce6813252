import crypto from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { auditBy } from "~/modules/audit/audit.service.server";
import { findUserById } from "./accounts.repository.server";
import type { Database } from "~/utils/db.server";
import { sha256Hex } from "~/utils/tokens.server";

// Time-based one-time codes (RFC 6238: 6 digits, 30-second steps, SHA-1 as every authenticator app reads them) with
// otplib, and ten single-use recovery codes kept as SHA-256. docs/decisions/0021-asvs-level-2.md.

export const ISSUER = "Konyang × QST referral portal";
export const RECOVERY_CODE_COUNT = 10;
/** One step either side: a phone's clock a little off still works; a code never works twice (last_step). */
const STEP_TOLERANCE_SECONDS = 30;

type Actor = { id: string; role: string };
type Context = { now: Date; ip: string | null };

/** Whether this account signs in with a second factor. */
export async function hasConfirmedFactor(db: Database, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("mfa_factors")
    .select("confirmed_at")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return !!row?.confirmed_at;
}

export async function factorStatus(db: Database, userId: string) {
  const factor = await db
    .selectFrom("mfa_factors")
    .select(["confirmed_at"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  const unused = await db
    .selectFrom("mfa_recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return { confirmedAt: factor?.confirmed_at ?? null, recoveryCodesLeft: Number(unused?.n ?? 0) };
}

/**
 * The secret being enrolled, made on first visit and kept until confirmed (a reload shows the same QR code), with the
 * otpauth:// URI as an inline SVG QR code and the secret in groups of four for typing by hand.
 */
export async function enrolmentFor(db: Database, user: { id: string; email: string }, now: Date) {
  let row = await db
    .selectFrom("mfa_factors")
    .select(["secret", "confirmed_at"])
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (row?.confirmed_at) return null;
  if (!row) {
    row = { secret: generateSecret(), confirmed_at: null };
    await db
      .insertInto("mfa_factors")
      .values({
        user_id: user.id,
        secret: row.secret,
        created_at: now.toISOString(),
        confirmed_at: null,
        last_step: null,
      })
      .execute();
  }
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret: row.secret });
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { svg, secretGroups: row.secret.match(/.{1,4}/g)!.join(" ") };
}

/** Accepts a 6-digit code once: the step it matched must be later than the last accepted one. */
async function acceptCode(
  db: Database,
  userId: string,
  secret: string,
  lastStep: number | null,
  code: string,
  now: Date,
): Promise<boolean> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: STEP_TOLERANCE_SECONDS });
  if (!result.valid) return false;
  const step = Math.floor(epoch / 30) + result.delta;
  if (lastStep !== null && step <= lastStep) return false;
  await db.updateTable("mfa_factors").set({ last_step: step }).where("user_id", "=", userId).execute();
  return true;
}

function newRecoveryCodes(): string[] {
  // 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L): about 50 bits each.
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(crypto.randomBytes(10), (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

const normaliseRecoveryCode = (code: string) =>
  code
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "");

/** Confirms the enrolment with a first code; answers the recovery codes, shown once and kept only as hashes. */
export async function confirmEnrolment(
  db: Database,
  user: Actor,
  code: string,
  context: Context,
): Promise<string[] | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("mfa_factors")
      .select(["secret", "confirmed_at", "last_step"])
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (!row || row.confirmed_at || !(await acceptCode(trx, user.id, row.secret, row.last_step, code, context.now)))
      return null;
    await trx
      .updateTable("mfa_factors")
      .set({ confirmed_at: context.now.toISOString() })
      .where("user_id", "=", user.id)
      .execute();
    await trx.deleteFrom("mfa_recovery_codes").where("user_id", "=", user.id).execute();
    const codes = newRecoveryCodes();
    await trx
      .insertInto("mfa_recovery_codes")
      .values(
        codes.map((c) => ({
          code_hash: sha256Hex(normaliseRecoveryCode(c)),
          user_id: user.id,
          created_at: context.now.toISOString(),
          used_at: null,
        })),
      )
      .execute();
    const audit = auditBy(trx, user, context);
    await audit("account.mfa_enrolled", ["user", user.id]);
    return codes;
  });
}

/** A code from the app, or a recovery code (used up): which one worked, or null. */
export async function verifySecondFactor(
  db: Database,
  userId: string,
  typed: string,
  now: Date,
): Promise<"code" | "recovery" | null> {
  const row = await db
    .selectFrom("mfa_factors")
    .select(["secret", "confirmed_at", "last_step"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row?.confirmed_at) return null;
  if (await acceptCode(db, userId, row.secret, row.last_step, typed, now)) return "code";
  const recovery = normaliseRecoveryCode(typed);
  if (recovery.length !== 10) return null;
  const used = await db
    .updateTable("mfa_recovery_codes")
    .set({ used_at: now.toISOString() })
    .where("code_hash", "=", sha256Hex(recovery))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1 ? "recovery" : null;
}

/** An administrator removes a lost factor: the person signs in with their password alone and enrols again. */
export async function resetFactor(db: Database, admin: Actor, userId: string, context: Context): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("mfa_factors").where("user_id", "=", userId).executeTakeFirst();
    await trx.deleteFrom("mfa_recovery_codes").where("user_id", "=", userId).execute();
    await trx.deleteFrom("mfa_challenges").where("user_id", "=", userId).execute();
    if (Number(removed.numDeletedRows) === 0) return false;
    const audit = auditBy(trx, admin, context);
    await audit("account.mfa_reset", ["user", userId]);
    return true;
  });
}

/** The account whose factor an administrator may reset: who it is and whether a factor is set up; null if none. */
export async function factorResetSubject(db: Database, userId: string) {
  const account = await findUserById(db, userId);
  if (!account) return null;
  const status = await factorStatus(db, account.id);
  return {
    id: account.id,
    familyName: account.family_name,
    givenName: account.given_name,
    email: account.email,
    enrolled: status.confirmedAt !== null,
  };
}
