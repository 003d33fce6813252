import type { Insertable } from "kysely";
import type { Database } from "~/utils/db.server";
import type { QueueViews } from "../../../db/types";

// --- Saved views --------------------------------------------------------------------------------------------------

export async function viewsOf(db: Database, userId: string) {
  return db.selectFrom("queue_views").selectAll().where("user_id", "=", userId).orderBy("name").execute();
}

export async function upsertView(db: Database, row: Insertable<QueueViews>) {
  await db
    .insertInto("queue_views")
    .values(row)
    .onConflict((oc) => oc.columns(["user_id", "name"]).doUpdateSet({ query: row.query }))
    .execute();
}

export async function deleteView(db: Database, userId: string, id: string) {
  const result = await db
    .deleteFrom("queue_views")
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
