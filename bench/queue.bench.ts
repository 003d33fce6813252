// The site queue at a million referrals: `npx tsx bench/queue.bench.ts [COUNT] [RUNS]` (defaults 1,000,000 and 1,000).
// Builds a database migrated from the registry, fills it with bench/queue/referral-rows.ts's generated referrals, then
// times the queue's statements through the queue repository and service and prints p50 / p99.
// SQLite by default: a temporary file, or KQ_BENCH_DB=/some/file.sqlite to keep and reuse it (generation takes minutes).
// PostgreSQL with KQ_BENCH_DATABASE_URL=postgres://user@host:port/postgres: a database of its own on that server,
// dropped afterwards, or KQ_BENCH_PG_DATABASE=name to keep and reuse it (bench/queue/bench-database.ts).
// Target: every page under 50 ms at p99. Not a test: nothing here fails a build.
import { defaultTargets } from "../app/domain/workflow/clock";
import {
  queuePage,
  queueTabCounts,
  resolveNameSearch,
  type QueueCriteria,
} from "../app/modules/queue/queue.repository.server";
import { COUNT_CAP, PAGE_SIZE, queueTabs, type QueueTab } from "../app/modules/queue/queue.schema";
import { loadQueue, nameSearchKey } from "../app/modules/queue/queue.service.server";
import type { Staff } from "../app/modules/queue/staff.server";
import { postgresBenchDatabase, sqliteBenchDatabase } from "./queue/bench-database";

const count = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 1_000);

const HOUR = 3_600_000;
const now = new Date();
const today = new Date(now.getTime() + 9 * HOUR).toISOString().slice(0, 10);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(50, runs); i += 1) await run(); // warm the page cache and the statement cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const [p50, p99] = [percentile(samples, 50), percentile(samples, 99)];
  console.log(
    `${label.padEnd(58)} p50 ${p50.toFixed(2).padStart(7)} ms   p99 ${p99.toFixed(2).padStart(7)} ms ${p99 < 50 ? "" : "  (over 50 ms)"}`,
  );
  return { label, p50, p99 };
}

const server = process.env.KQ_BENCH_DATABASE_URL;
const bench = server ? await postgresBenchDatabase(server, count) : await sqliteBenchDatabase(count);
try {
  const { db } = bench;
  const staffIds = await db
    .selectFrom("users")
    .select("id")
    .where("site_code", "=", "konyang")
    .orderBy("email")
    .execute();
  const coordinator = { id: staffIds[0]!.id, role: "coordinator", siteCode: "konyang" } as Staff;
  const base: QueueCriteria = { siteCode: "konyang", targets: defaultTargets };
  const tabRows = await db
    .selectFrom("referrals")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("site_code", "=", "konyang")
    .groupBy("status")
    .execute();
  console.log(`  Konyang: ${tabRows.map((r) => `${r.status} ${Number(r.n).toLocaleString("en")}`).join(", ")}`);
  console.log(`\n${bench.engine}, ${runs} runs each, page size ${PAGE_SIZE}:`);

  const page =
    (criteria: QueueCriteria, tab: QueueTab, after: (string | number)[] | null = null) =>
    () =>
      queuePage(db, criteria, tab, after, PAGE_SIZE);
  // As the queue service searches: the name is resolved to a plan first (narrow: by id; broad: walk the tab).
  const search = (name: string, tab: QueueTab) => async () =>
    queuePage(db, await resolveNameSearch(db, { ...base, namePrefix: nameSearchKey(name) }), tab, null, PAGE_SIZE);
  // A cursor deep into the triage tab (page 40), to show a later page costs what the first does.
  let cursor: (string | number)[] | null = null;
  for (let i = 0; i < 40; i += 1) cursor = (await queuePage(db, base, "triage", cursor, PAGE_SIZE)).next;
  const filtered: QueueCriteria = { ...base, indication: "pancreas", breachedOn: today };
  const someCode = await db
    .selectFrom("referrals")
    .select("reference_code")
    .where("site_code", "=", "konyang")
    .where("status", "=", "closed")
    .limit(1)
    .executeTakeFirstOrThrow();

  const results = [
    await time("first page: triage tab", page(base, "triage")),
    await time("filtered page: triage, indication=pancreas + breach", page(filtered, "triage")),
    await time("filtered page: in review, indication=pancreas + breach", page(filtered, "in_review")),
    await time("page 41 of the triage tab (keyset cursor)", page(base, "triage", cursor)),
    await time("first page: closed tab (largest)", page(base, "closed")),
    await time(
      "my work: in review, assigned to one coordinator",
      page({ ...base, assigneeId: staffIds[1]!.id }, "in_review"),
    ),
    await time("search by reference code", page({ ...base, referenceCode: someCode.reference_code! }, "closed")),
    await time("search by full name (김민준), triage tab", search("김민준", "triage")),
    await time("search by Latin name (sato hanako), closed tab", search("sato hanako", "closed")),
    await time("search by a surname alone (박), triage tab", search("박", "triage")),
    await time(`tab counts, all six tabs (capped at ${COUNT_CAP})`, () =>
      queueTabCounts(db, base, queueTabs, COUNT_CAP),
    ),
    await time("tab counts with indication + breach", () => queueTabCounts(db, filtered, queueTabs, COUNT_CAP)),
    await time("tab counts for a name search (김민준)", async () =>
      queueTabCounts(
        db,
        await resolveNameSearch(db, { ...base, namePrefix: nameSearchKey("김민준") }),
        queueTabs,
        COUNT_CAP,
      ),
    ),
    await time("tab counts for a surname alone (박)", async () =>
      queueTabCounts(
        db,
        await resolveNameSearch(db, { ...base, namePrefix: nameSearchKey("박") }),
        queueTabs,
        COUNT_CAP,
      ),
    ),
    // What the queue page's loader asks for in all: the page, six counts, the site's staff, the user's saved views.
    await time("whole queue data (loadQueue), first page", () =>
      loadQueue(db, coordinator, { tab: "triage" }, null, now),
    ),
    await time("whole queue data (loadQueue), pancreas + breach", () =>
      loadQueue(db, coordinator, { tab: "triage", indication: "pancreas", breach: true }, null, now),
    ),
    await time("whole queue data (loadQueue), name search 김민준", () =>
      loadQueue(db, coordinator, { tab: "triage", q: "김민준" }, null, now),
    ),
  ];
  const over = results.filter((r) => r.p99 >= 50);
  console.log(
    over.length
      ? `\n${over.length} over the 50 ms p99 target.`
      : "\nEvery measured statement is under the 50 ms p99 target.",
  );
} finally {
  await bench.close();
}
