import type { Insertable, Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import type { ApiTokens } from "../../../db/types";
import { countRows, updateRows } from "~/utils/db-rows.server";
import { signedInAccountColumns } from "../accounts/session.repository.server";

export type ApiTokenRow = Selectable<ApiTokens>;

export async function insertApiToken(db: Database, row: Insertable<ApiTokens>) {
  await db.insertInto("api_tokens").values(row).execute();
}

/** A user's tokens, newest first (the hash is left out: nothing above this layer needs it). */
export async function apiTokensOfUser(db: Database, userId: string) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "token_prefix", "created_at", "last_used_at", "revoked_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

export async function countActiveApiTokens(db: Database, userId: string): Promise<number> {
  return countRows(db, "api_tokens", { user_id: userId, revoked_at: null });
}

export async function findApiTokenOfUser(db: Database, userId: string, tokenId: string) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "revoked_at"])
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function markApiTokenRevoked(db: Database, tokenId: string, at: string): Promise<boolean> {
  const revoked = await updateRows(db, "api_tokens", {
    where: { id: tokenId, revoked_at: null },
    set: { revoked_at: at },
  });
  return revoked === 1;
}

/** The live token with this hash and its owner's account, whatever the owner's role or status (the service decides). */
export async function findLiveApiTokenWithUser(db: Database, tokenHash: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select(["api_tokens.id as token_id", "api_tokens.last_used_at", ...signedInAccountColumns])
    .where("api_tokens.token_hash", "=", tokenHash)
    .where("api_tokens.revoked_at", "is", null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Database, tokenId: string, at: string) {
  await updateRows(db, "api_tokens", { where: { id: tokenId }, set: { last_used_at: at } });
}
