// The plans behind the queue benchmark on PostgreSQL: runs each operation bench/queue.bench.ts times, captures the
// statements it sent, and prints EXPLAIN (ANALYZE, BUFFERS) of each (the execution time; the whole plan with
// KQ_EXPLAIN_FULL=1). On a kept bench database (KQ_BENCH_PG_DATABASE), e.g.
// KQ_EXPLAIN_URL=postgres://postgres@127.0.0.1:55436/kq_queue_bench_1m npx tsx bench/queue/explain-postgres.ts [name filter]
import { CompiledQuery, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { defaultTargets } from "../../app/domain/workflow/clock";
import {
  queuePage,
  queueTabCounts,
  resolveNameSearch,
  type QueueCriteria,
} from "../../app/modules/queue/queue.repository.server";
import { COUNT_CAP, PAGE_SIZE, queueTabs } from "../../app/modules/queue/queue.schema";
import { loadQueue, nameSearchKey } from "../../app/modules/queue/queue.service.server";
import type { Staff } from "../../app/modules/queue/staff.server";
import type { Database } from "../../app/utils/db.server";

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    if (oid === pg.types.builtins.BOOL) return (value: string) => (value === "t" ? 1 : 0);
    return format ? pg.types.getTypeParser(oid, format) : pg.types.getTypeParser(oid);
  },
};
const captured: CompiledQuery[] = [];
const db = new Kysely<any>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.KQ_EXPLAIN_URL, max: 2, types }) }),
  log: (event) => {
    if (event.level === "query") captured.push(event.query);
  },
}) as Database;
const now = new Date();
const today = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
const base: QueueCriteria = { siteCode: "konyang", targets: defaultTargets };
const filtered: QueueCriteria = { ...base, indication: "pancreas", breachedOn: today };
const staffIds = await db
  .selectFrom("users")
  .select("id")
  .where("site_code", "=", "konyang")
  .orderBy("email")
  .execute();
const coordinator = { id: staffIds[0]!.id, role: "coordinator", siteCode: "konyang" } as Staff;
const ops: [string, () => Promise<unknown>][] = [
  ["first", () => queuePage(db, base, "triage", null, PAGE_SIZE)],
  ["filtered-triage", () => queuePage(db, filtered, "triage", null, PAGE_SIZE)],
  ["filtered-review", () => queuePage(db, filtered, "in_review", null, PAGE_SIZE)],
  ["closed", () => queuePage(db, base, "closed", null, PAGE_SIZE)],
  ["mywork", () => queuePage(db, { ...base, assigneeId: staffIds[1]!.id }, "in_review", null, PAGE_SIZE)],
  ["counts", () => queueTabCounts(db, base, queueTabs, COUNT_CAP)],
  ["counts-filtered", () => queueTabCounts(db, filtered, queueTabs, COUNT_CAP)],
  [
    "search-park",
    async () =>
      queuePage(
        db,
        await resolveNameSearch(db, { ...base, namePrefix: nameSearchKey("박") }),
        "triage",
        null,
        PAGE_SIZE,
      ),
  ],
  [
    "search-kim",
    async () =>
      queuePage(
        db,
        await resolveNameSearch(db, { ...base, namePrefix: nameSearchKey("김민준") }),
        "triage",
        null,
        PAGE_SIZE,
      ),
  ],
  [
    "search-sato",
    async () =>
      queuePage(
        db,
        await resolveNameSearch(db, { ...base, namePrefix: nameSearchKey("sato hanako") }),
        "closed",
        null,
        PAGE_SIZE,
      ),
  ],
  [
    "counts-park",
    async () =>
      queueTabCounts(
        db,
        await resolveNameSearch(db, { ...base, namePrefix: nameSearchKey("박") }),
        queueTabs,
        COUNT_CAP,
      ),
  ],
  ["load", () => loadQueue(db, coordinator, { tab: "triage" }, null, now)],
  [
    "load-filtered",
    () => loadQueue(db, coordinator, { tab: "triage", indication: "pancreas", breach: true }, null, now),
  ],
];
const filter = process.argv[2];
for (const [name, op] of ops) {
  if (filter && !name.includes(filter)) continue;
  await op();
  captured.length = 0;
  await op();
  const queries = [...captured];
  console.log(`\n===== ${name}: ${queries.length} statements`);
  for (const q of queries) {
    const plan = await db.executeQuery<Record<string, string>>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]),
    );
    const lines = plan.rows.map((r) => r["QUERY PLAN"]);
    const exec = lines.find((l) => l?.startsWith("Execution Time"));
    console.log(`--- ${exec}  ${q.sql.slice(0, 160).replace(/\s+/g, " ")}`);
    if (process.env.KQ_EXPLAIN_FULL) console.log(lines.join("\n"));
  }
}
await db.destroy();
