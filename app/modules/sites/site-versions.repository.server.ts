import type { Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import type { DB } from "../../../db/types";

// A site's configuration, its contact details and its travel checklist are each kept as numbered versions, one row a
// save: the row with the highest version is the one in force. The three tables read their rows in force alike, here.
// The table is a type parameter, so its columns are named through Kysely's dynamic references (as in db-rows.server);
// the callers get their own table's rows, typed.

export type SiteVersionTable = "site_config_versions" | "site_contact_versions" | "travel_checklist_versions";

/** Each site's row in force (its highest version), by site code. */
export async function currentVersionRows<T extends SiteVersionTable>(db: Database, table: T) {
  const { ref } = db.dynamic;
  return db
    .selectFrom(db.dynamic.table(table).as("v"))
    .selectAll()
    .where(({ eb, selectFrom }) =>
      eb(
        ref("v.version"),
        "=",
        selectFrom(db.dynamic.table(table).as("w"))
          .select(({ fn }) => fn.max(ref("w.version")).as("max"))
          .whereRef(ref("w.site_code"), "=", ref("v.site_code")),
      ),
    )
    .orderBy(ref("v.site_code"))
    .$castTo<Selectable<DB[T]>>()
    .execute();
}

/** One site's row in force, or undefined when the site has none. */
export async function currentVersionRow<T extends SiteVersionTable>(db: Database, table: T, siteCode: string) {
  const { ref } = db.dynamic;
  return db
    .selectFrom(db.dynamic.table(table).as("v"))
    .selectAll()
    .where(ref("site_code"), "=", siteCode)
    .orderBy(ref("version"), "desc")
    .limit(1)
    .$castTo<Selectable<DB[T]>>()
    .executeTakeFirst();
}
