import { openDatabase } from "~/utils/db.server";
import { migrateToLatest } from "../../db/migrate";

/**
 * A database of the test's own, migrated from the registry and empty, for a test that must count or chain every row
 * (the audit chain) and so cannot share the run's database with other tests.
 */
export async function freshDatabase(name: string) {
  const db = openDatabase(`${process.env.DATA_DIR}/${name}-${crypto.randomUUID()}.sqlite`);
  await migrateToLatest(db);
  return db;
}
