import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";
import { TAB } from "./0007_queue";

// PostgreSQL only (docs/decisions/0032-queue-benchmark-on-postgresql.md); on SQLite this does nothing.
// The queue's tab counts stop at 1,000 rows, read from 0007's queue indexes. SQLite reads the tab's CASE from the index
// entry; PostgreSQL can answer from the index alone (an index-only scan) only when every column the query names is
// stored in it as a column, and the CASE names `status`, the breach test `clock_due_on`. Without them it counted each
// tab by walking referrals_queue_idx past every other tab's rows: 0.4–0.7 s a tab at a million referrals. The same
// two indexes again, with those columns carried in the leaf entries (INCLUDE): 0.4 ms a tab.
const URGENCY_RANK = `CASE WHEN urgency = 'urgent' THEN 0 ELSE 1 END`;
const DUE = `COALESCE(clock_due_on, '9999-12-31')`;
const filters = "indication, screen_outcome, urgency, assignee_id, clock_used_days";

async function createQueueIndexes(db: Kysely<unknown>, include: string): Promise<void> {
  await sql`DROP INDEX referrals_queue_open_idx`.execute(db);
  await sql`DROP INDEX referrals_queue_done_idx`.execute(db);
  await sql
    .raw(
      `CREATE INDEX referrals_queue_open_idx ON referrals (site_code, (${TAB}), (${URGENCY_RANK}), (${DUE}), id, ${filters})${include}`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE INDEX referrals_queue_done_idx ON referrals (site_code, (${TAB}), status_changed_at, id, ${filters})${include}`,
    )
    .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await createQueueIndexes(db, " INCLUDE (status, clock_due_on)");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await createQueueIndexes(db, "");
}
