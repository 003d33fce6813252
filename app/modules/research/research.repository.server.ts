import { sql, type SqlBool } from "kysely";
import type { Database } from "~/utils/db.server";
import { isPostgres } from "../../../db/dialect";

/**
 * "The patient consented to research use" as a condition on referrals, in the words of migration 0018's index on
 * each engine (SQLite reads JSON true as 1; PostgreSQL compares jsonb). A case without the item reads as not consented.
 */
export function researchConsented(db: Database) {
  return isPostgres(db)
    ? sql<SqlBool>`((case_json::jsonb) #> '{consent,research}') = 'true'::jsonb`
    : sql<SqlBool>`json_extract(case_json, '$.consent.research') = 1`;
}
