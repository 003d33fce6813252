import { identityOf, type Role, type SessionUser } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import type { Database } from "~/utils/db.server";
import { newId, randomToken, sha256Hex } from "~/utils/tokens.server";
import {
  apiTokensOfUser,
  countActiveApiTokens,
  findApiTokenOfUser,
  findLiveApiTokenWithUser,
  insertApiToken,
  markApiTokenRevoked,
  touchApiToken,
} from "./api-tokens.repository.server";

/**
 * API tokens: how a physician's hospital system speaks for them at the JSON doors (shared/domain/api.md).
 * `kq_` + 32 random bytes (base64url). Only the SHA-256 is stored; the token is shown once, at creation.
 * A plain hash (not argon2) is right here: the token is 256 random bits, so there is nothing to brute-force,
 * and every request must find its token by an indexed lookup (docs/decisions/0010-api-tokens-and-audit-page.md).
 */
export const TOKEN_PREFIX = "kq_";
export const TOKEN_PATTERN = /^kq_[A-Za-z0-9_-]{20,200}$/;
/** How many active tokens one physician may hold: one per system that sends referrals is plenty. */
export const MAX_ACTIVE_TOKENS = 10;
// Writing last_used_at on every request would serialise reads behind writes; a minute's precision is enough.
const TOUCH_EVERY_MS = 60_000;

type Owner = Pick<SessionUser, "id" | "role" | "status">;
type Context = { ip: string | null; now: Date };

/** Who may hold tokens: active referring physicians (the doors submit and follow referrals in their name). */
export function mayHoldTokens(user: Pick<SessionUser, "role" | "status">): boolean {
  return user.role === "physician" && user.status === "active";
}

function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 4);
}

export type CreateTokenResult =
  | { kind: "created"; id: string; token: string; name: string }
  | { kind: "tooMany"; max: number }
  | { kind: "forbidden" };

export async function createApiToken(
  db: Database,
  owner: Owner,
  input: { name: string },
  context: Context,
  random: () => string = () => randomToken(32),
): Promise<CreateTokenResult> {
  if (!mayHoldTokens(owner)) return { kind: "forbidden" };
  return db.transaction().execute(async (trx) => {
    if ((await countActiveApiTokens(trx, owner.id)) >= MAX_ACTIVE_TOKENS)
      return { kind: "tooMany", max: MAX_ACTIVE_TOKENS };
    const id = newId();
    const token = `${TOKEN_PREFIX}${random()}`;
    await insertApiToken(trx, {
      id,
      user_id: owner.id,
      name: input.name,
      token_hash: sha256Hex(token),
      token_prefix: displayPrefix(token),
      created_at: context.now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    });
    const audit = auditBy(trx, owner, context);
    await audit("api_token.created", ["api_token", id], { name: input.name });
    return { kind: "created", id, token, name: input.name };
  });
}

export type RevokeTokenResult = { kind: "revoked" } | { kind: "notFound" } | { kind: "forbidden" };

/** Revokes one of the owner's own tokens; someone else's, or an unknown one, is "notFound" alike. Revoking twice is harmless. */
export async function revokeApiToken(
  db: Database,
  owner: Owner,
  tokenId: string,
  context: Context,
): Promise<RevokeTokenResult> {
  if (!mayHoldTokens(owner)) return { kind: "forbidden" };
  return db.transaction().execute(async (trx) => {
    const token = await findApiTokenOfUser(trx, owner.id, tokenId);
    if (!token) return { kind: "notFound" };
    if (await markApiTokenRevoked(trx, tokenId, context.now.toISOString())) {
      const audit = auditBy(trx, owner, context);
      await audit("api_token.revoked", ["api_token", tokenId], { name: token.name });
    }
    return { kind: "revoked" };
  });
}

/** A token as its owner's page lists it; the secret itself is never kept, only its first characters. */
export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export async function apiTokensOf(db: Database, owner: Pick<SessionUser, "id">): Promise<ApiTokenSummary[]> {
  return (await apiTokensOfUser(db, owner.id)).map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }));
}

/** The account a token speaks for, shaped like a session's user so the same access rules apply to both. */
export type ApiPrincipal = Omit<SessionUser, "sessionId"> & { tokenId: string };

/**
 * The physician behind a presented token, or null: unknown, malformed or revoked tokens, and tokens of accounts
 * that are no longer active physicians, all look the same to the caller.
 */
export async function authenticateApiToken(
  db: Database,
  presented: string | null,
  now: Date,
): Promise<ApiPrincipal | null> {
  if (!presented || !TOKEN_PATTERN.test(presented)) return null;
  const row = await findLiveApiTokenWithUser(db, sha256Hex(presented));
  if (!row || !mayHoldTokens({ role: row.role as Role, status: row.status as SessionUser["status"] })) return null;
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_EVERY_MS) {
    await touchApiToken(db, row.token_id, now.toISOString());
  }
  return { tokenId: row.token_id, ...identityOf(row) };
}

/** The demo physician's published token (demo databases only: db/seed.ts). Not audited, like the demo accounts. */
export async function insertDemoApiToken(db: Database, userId: string, token: string, now: Date) {
  await insertApiToken(db, {
    id: newId(),
    user_id: userId,
    name: "demo",
    token_hash: sha256Hex(token),
    token_prefix: displayPrefix(token),
    created_at: now.toISOString(),
    last_used_at: null,
    revoked_at: null,
  });
}
