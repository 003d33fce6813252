import type { Insertable, Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import type { Users } from "../../../db/types";

export type UserRow = Selectable<Users>;
export type AccountStatus = "pending" | "active" | "suspended" | "rejected";

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUser(db: Database, row: Insertable<Users>): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

/** Moves an account from one of `from` to `to`; 0 when it was no longer in one of them (someone else acted first). */
export async function updateUserStatus(
  db: Database,
  id: string,
  from: readonly AccountStatus[],
  to: AccountStatus,
  approval?: { by: string; at: string },
): Promise<number> {
  const result = await db
    .updateTable("users")
    .set({ status: to, ...(approval ? { approved_by: approval.by, approved_at: approval.at } : {}) })
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function updatePasswordHash(db: Database, id: string, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", id).execute();
}

export async function updatePreferredLanguage(db: Database, id: string, language: string): Promise<void> {
  await db.updateTable("users").set({ preferred_language: language }).where("id", "=", id).execute();
}

export type AccountListRow = Pick<
  UserRow,
  | "id"
  | "email"
  | "family_name"
  | "given_name"
  | "role"
  | "site_code"
  | "institution"
  | "country"
  | "status"
  | "created_at"
>;

/** Accounts for the approval page: awaiting approval first (oldest first, the queue), then the rest, newest first. */
export async function listAccounts(
  db: Database,
  filter: { status?: AccountStatus; role?: string; limit: number },
): Promise<AccountListRow[]> {
  let query = db
    .selectFrom("users")
    .select([
      "id",
      "email",
      "family_name",
      "given_name",
      "role",
      "site_code",
      "institution",
      "country",
      "status",
      "created_at",
    ]);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.role) query = query.where("role", "=", filter.role);
  return query
    .orderBy((eb) => eb.case().when("status", "=", "pending").then(0).else(1).end())
    .orderBy((eb) => eb.case().when("status", "=", "pending").then(eb.ref("created_at")).else(null).end(), "asc")
    .orderBy("created_at", "desc")
    .limit(filter.limit)
    .execute();
}

/**
 * Every active coordinator and reviewer with a home site, by site and name: whom a joint conference may invite, and who
 * may be granted a visit to the other site.
 */
export async function activeSiteStaff(db: Database) {
  return db
    .selectFrom("users")
    .select(["id", "family_name", "given_name", "email", "role", "site_code"])
    .where("role", "in", ["coordinator", "reviewer"])
    .where("status", "=", "active")
    .where("site_code", "is not", null)
    .orderBy("site_code")
    .orderBy("family_name")
    .orderBy("given_name")
    .execute();
}

export async function siteNameRows(db: Database) {
  return db.selectFrom("sites").select(["code", "name_ko", "name_ja", "name_en"]).orderBy("code").execute();
}
