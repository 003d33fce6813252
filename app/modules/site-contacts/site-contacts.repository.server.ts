import type { Insertable, Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import { currentVersionRow, currentVersionRows } from "~/modules/sites/site-versions.repository.server";
import type { SiteContactVersions } from "../../../db/types";

export type SiteContactRow = Selectable<SiteContactVersions>;
export type SiteContactHistoryRow = SiteContactRow & {
  changer_family_name: string | null;
  changer_given_name: string | null;
};

/** Each site's contact details in force: its row with the highest version. */
export async function currentContactRows(db: Database): Promise<SiteContactRow[]> {
  return currentVersionRows(db, "site_contact_versions");
}

export async function currentContactRow(db: Database, siteCode: string): Promise<SiteContactRow | undefined> {
  return currentVersionRow(db, "site_contact_versions", siteCode);
}

/** Every version of one site's contact details, newest first, with the name of whoever saved it. */
export async function contactHistory(db: Database, siteCode: string): Promise<SiteContactHistoryRow[]> {
  return db
    .selectFrom("site_contact_versions as v")
    .leftJoin("users as u", "u.id", "v.changed_by")
    .selectAll("v")
    .select(["u.family_name as changer_family_name", "u.given_name as changer_given_name"])
    .where("v.site_code", "=", siteCode)
    .orderBy("v.version", "desc")
    .execute();
}

export async function insertContactVersion(db: Database, row: Insertable<SiteContactVersions>): Promise<void> {
  await db.insertInto("site_contact_versions").values(row).execute();
}
