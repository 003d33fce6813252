import type { Insertable, Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import { currentVersionRow, currentVersionRows } from "./site-versions.repository.server";
import type { SiteConfigVersions, Sites } from "../../../db/types";

export type SiteRow = Selectable<Sites>;
export type SiteConfigRow = Selectable<SiteConfigVersions>;
export type SiteConfigHistoryRow = SiteConfigRow & {
  changer_family_name: string | null;
  changer_given_name: string | null;
};

export async function listSites(db: Database): Promise<SiteRow[]> {
  return db.selectFrom("sites").selectAll().orderBy("code").execute();
}

/** Each site's current configuration: its row with the highest version. */
export async function currentConfigRows(db: Database): Promise<SiteConfigRow[]> {
  return currentVersionRows(db, "site_config_versions");
}

/** The current configuration of one site joined with the site's reference data, or undefined for an unknown site. */
export async function currentConfigRow(db: Database, siteCode: string): Promise<SiteConfigRow | undefined> {
  return currentVersionRow(db, "site_config_versions", siteCode);
}

/** Every version of every site, newest first, with the name of whoever made it. */
export async function configHistory(db: Database): Promise<SiteConfigHistoryRow[]> {
  return db
    .selectFrom("site_config_versions as v")
    .leftJoin("users as u", "u.id", "v.changed_by")
    .selectAll("v")
    .select(["u.family_name as changer_family_name", "u.given_name as changer_given_name"])
    .orderBy("v.site_code")
    .orderBy("v.version", "desc")
    .execute();
}

export async function insertConfigVersion(db: Database, row: Insertable<SiteConfigVersions>): Promise<void> {
  await db.insertInto("site_config_versions").values(row).execute();
}
