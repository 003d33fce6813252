// `npm run db:migrate`: brings the database named by DATA_DIR / DATABASE_PATH to the latest migration (the server
// also does this on start; this is for operators who migrate before starting).
import { migrateToLatest } from "../db/migrate";
import { openDatabase } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";

const db = openDatabase(env().databaseLocation);
const applied = await migrateToLatest(db);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
await db.destroy();
