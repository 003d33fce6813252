import type { Insertable, Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import { findRow, rowsWhere, updateRows } from "~/utils/db-rows.server";
import type { StaffExchangeGrants } from "../../../db/types";

export type GrantRow = Selectable<StaffExchangeGrants>;

export async function insertGrant(db: Database, row: Insertable<StaffExchangeGrants>): Promise<void> {
  await db.insertInto("staff_exchange_grants").values(row).execute();
}

export async function findGrant(db: Database, id: string): Promise<GrantRow | undefined> {
  return findRow(db, "staff_exchange_grants", { id });
}

/** Stamps the revocation once; answers whether this call did it (0 when someone revoked it first). */
export async function revokeGrant(db: Database, id: string, by: string, at: string): Promise<boolean> {
  const revoked = await updateRows(db, "staff_exchange_grants", {
    where: { id, revoked_at: null },
    set: { revoked_at: at, revoked_by: by },
  });
  return revoked === 1;
}

/**
 * A person's unrevoked grants that have not ended by `earliestToday` (the earliest of the sites' calendar dates now):
 * a short list the caller checks day by day against each host's own today.
 */
export async function openGrantsOf(db: Database, userId: string, earliestToday: string): Promise<GrantRow[]> {
  return rowsWhere(db, "staff_exchange_grants", { user_id: userId, revoked_at: null })
    .where("to_date", ">=", earliestToday)
    .orderBy("from_date")
    .execute();
}

/** An unrevoked grant of this person at this host sharing at least one day with [from, to]. */
export async function overlappingGrant(db: Database, userId: string, hostSiteCode: string, from: string, to: string) {
  return db
    .selectFrom("staff_exchange_grants")
    .select(["id", "from_date", "to_date"])
    .where("user_id", "=", userId)
    .where("host_site_code", "=", hostSiteCode)
    .where("revoked_at", "is", null)
    .where("from_date", "<=", to)
    .where("to_date", ">=", from)
    .executeTakeFirst();
}

/** The grants at these hosts, newest first, with the visitor's and the granting administrator's names. */
export async function grantsAtHosts(db: Database, hostSiteCodes: readonly string[], limit: number) {
  if (hostSiteCodes.length === 0) return [];
  return db
    .selectFrom("staff_exchange_grants as g")
    .innerJoin("users as v", "v.id", "g.user_id")
    .innerJoin("users as a", "a.id", "g.granted_by")
    .innerJoin("sites as s", "s.code", "g.host_site_code")
    .select([
      "g.id",
      "g.user_id",
      "g.host_site_code",
      "g.from_date",
      "g.to_date",
      "g.note",
      "g.granted_at",
      "g.revoked_at",
      "v.family_name",
      "v.given_name",
      "v.email",
      "v.role",
      "v.site_code as home_site_code",
      "a.family_name as granted_by_family_name",
      "a.given_name as granted_by_given_name",
      "s.timezone as host_timezone",
    ])
    .where("g.host_site_code", "in", hostSiteCodes)
    .orderBy("g.from_date", "desc")
    .orderBy("g.granted_at", "desc")
    .limit(limit)
    .execute();
}

/** Active visitors whose grant at this host covers `today` (the host's date): members of the host's team today. */
export async function visitorsOn(db: Database, hostSiteCode: string, today: string) {
  return db
    .selectFrom("staff_exchange_grants as g")
    .innerJoin("users as u", "u.id", "g.user_id")
    .select(["u.id", "u.family_name", "u.given_name", "u.role"])
    .where("g.host_site_code", "=", hostSiteCode)
    .where("g.revoked_at", "is", null)
    .where("g.from_date", "<=", today)
    .where("g.to_date", ">=", today)
    .where("u.status", "=", "active")
    .where("u.role", "in", ["coordinator", "reviewer"])
    .execute();
}
