import type { Insertable, Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import type { ApiTokens } from "../../../db/types";

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
  const row = await db
    .selectFrom("api_tokens")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
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
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("id", "=", tokenId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The live token with this hash and its owner's account, whatever the owner's role or status (the service decides). */
export async function findLiveApiTokenWithUser(db: Database, tokenHash: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id as token_id",
      "api_tokens.last_used_at",
      "users.id",
      "users.email",
      "users.family_name",
      "users.given_name",
      "users.role",
      "users.site_code",
      "users.status",
      "users.preferred_language",
      "users.institution",
      "users.country",
    ])
    .where("api_tokens.token_hash", "=", tokenHash)
    .where("api_tokens.revoked_at", "is", null)
    .executeTakeFirst();
}

export async function touchApiToken(db: Database, tokenId: string, at: string) {
  await db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", tokenId).execute();
}
