// The site queue at a million referrals: `npx tsx bench/queue.bench.ts [COUNT] [RUNS]` (defaults 1,000,000 and 1,000).
// Builds a temporary SQLite file migrated from the registry (so the 0007 indexes and search-key triggers are real),
// fills it in one transaction with a seeded, realistic spread of sites, states, urgency, indications, screen results,
// assignees and due dates, then times the queue's statements through the queue repository and prints p50 / p99.
// Target: every page under 50 ms at p99. Not a test: nothing here fails a build.
// KQ_BENCH_DB=/some/file.sqlite keeps the generated file there and reuses it on the next run (generation takes minutes).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { indications } from "../app/domain/case/schema";
import { referenceCodeFrom } from "../app/domain/reference-code/reference-code";
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
import { openDatabase } from "../app/utils/db.server";
import { migrateToLatest } from "../db/migrate";

const count = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 1_000);

/** mulberry32: small, fast, deterministic. */
function prng(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(0x9e11);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
/** A value drawn by weight: [[value, weight], ...]. */
function weighted<T>(table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[table.length - 1]![0];
}

// Years of referrals at two sites: most are long decided; what is open is the part a queue works on.
const states = [
  ["closed", 38],
  ["declined", 14],
  ["withdrawn", 6],
  ["consultation_scheduled", 10],
  ["accepted", 6],
  ["triage", 8],
  ["redirected", 1],
  ["in_review", 11],
  ["info_requested", 6],
] as const;
const outcomes = [
  ["likely_eligible", 50],
  ["needs_review", 35],
  ["not_eligible", 15],
] as const;
const koreans = [
  ["김", "KIM"],
  ["이", "LEE"],
  ["박", "PARK"],
  ["최", "CHOI"],
  ["정", "JUNG"],
  ["강", "KANG"],
  ["조", "CHO"],
  ["윤", "YOON"],
  ["장", "JANG"],
  ["임", "LIM"],
] as const;
const koreanGiven = [
  ["민준", "MINJUN"],
  ["서연", "SEOYEON"],
  ["지훈", "JIHOON"],
  ["수진", "SUJIN"],
  ["영수", "YOUNGSOO"],
  ["순자", "SOONJA"],
  ["상철", "SANGCHUL"],
  ["명숙", "MYUNGSOOK"],
] as const;
const japanese = [
  ["佐藤", "SATO", "サトウ"],
  ["鈴木", "SUZUKI", "スズキ"],
  ["高橋", "TAKAHASHI", "タカハシ"],
  ["田中", "TANAKA", "タナカ"],
  ["渡辺", "WATANABE", "ワタナベ"],
  ["伊藤", "ITO", "イトウ"],
  ["山本", "YAMAMOTO", "ヤマモト"],
] as const;
const japaneseGiven = [
  ["花子", "HANAKO", "ハナコ"],
  ["太郎", "TARO", "タロウ"],
  ["健一", "KENICHI", "ケンイチ"],
  ["結衣", "YUI", "ユイ"],
  ["浩", "HIROSHI", "ヒロシ"],
] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const today = new Date(now.getTime() + 9 * HOUR).toISOString().slice(0, 10);
const isoDay = (offsetDays: number) => new Date(now.getTime() + 9 * HOUR + offsetDays * DAY).toISOString().slice(0, 10);

function build(file: string) {
  const sqlite = new SQLite(file);
  // Loading only: the portal's own connection keeps synchronous=FULL.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("temp_store = MEMORY");
  sqlite.pragma("cache_size = -4000000"); // 4 GB: the whole file stays in memory while it is built
  const staff: Record<"konyang" | "qst", string[]> = { konyang: [], qst: [] };
  const physicians: string[] = [];
  const insertUser = sqlite.prepare(
    `INSERT INTO users (id, email, password_hash, family_name, given_name, role, site_code, institution, country, preferred_language, status, created_at, failed_login_count)
     VALUES (?, ?, 'x', ?, ?, ?, ?, 'bench', ?, ?, 'active', ?, 0)`,
  );
  const insertReferral = sqlite.prepare(
    `INSERT INTO referrals (id, reference_code, physician_id, status, site_code, case_json, patient_family_name, patient_given_name, patient_latin_name,
       patient_birth_date, patient_language, indication, urgency, screen_outcome, decision_json, assignee_id, clock_used_days, clock_running_since,
       clock_due_on, first_decision_at, created_at, updated_at, submitted_at, status_changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const started = Date.now();
  sqlite.transaction(() => {
    for (const [site, country, lng] of [
      ["konyang", "KR", "ko"],
      ["qst", "JP", "ja"],
    ] as const) {
      for (let i = 0; i < 12; i += 1) {
        const id = crypto.randomUUID();
        insertUser.run(
          id,
          `${site}.staff${i}@bench.test`,
          "S",
          String(i),
          i % 3 ? "coordinator" : "reviewer",
          site,
          country,
          lng,
          now.toISOString(),
        );
        staff[site].push(id);
      }
    }
    for (let i = 0; i < 400; i += 1) {
      const id = crypto.randomUUID();
      insertUser.run(
        id,
        `physician${i}@bench.test`,
        "P",
        String(i),
        "physician",
        null,
        i % 2 ? "KR" : "JP",
        i % 2 ? "ko" : "ja",
        now.toISOString(),
      );
      physicians.push(id);
    }
    for (let i = 0; i < count; i += 1) {
      const site = random() < 0.55 ? "konyang" : "qst";
      const status = weighted(states);
      const urgency = random() < 0.2 ? "urgent" : "routine";
      const target = defaultTargets[urgency];
      // Submitted between three years ago and today; open ones recently.
      const open = ["triage", "redirected", "in_review", "info_requested"].includes(status);
      const ageDays = open ? Math.floor(random() * 30) : Math.floor(random() * 3 * 365);
      const submitted = new Date(now.getTime() - ageDays * DAY - Math.floor(random() * 9) * HOUR);
      const changed = new Date(submitted.getTime() + Math.floor(random() * Math.max(ageDays, 1)) * DAY);
      let running: string | null = null;
      let due: string | null = null;
      let used = Math.floor(random() * (target + 3));
      if (status === "triage" || status === "in_review") {
        // Due from a week ago (breached) to three weeks ahead: about a quarter past their clock.
        running = isoDay(-Math.floor(random() * 10));
        due = isoDay(Math.floor(random() * 28) - 7);
        used = Math.floor(random() * target);
      }
      const decided = ["accepted", "consultation_scheduled", "declined", "closed", "redirected"].includes(status);
      const korean = site === "konyang" ? random() < 0.9 : random() < 0.25;
      let family: string;
      let given: string;
      let latin: [string, string];
      let reading: string | null = null;
      if (korean) {
        const [f, fl] = pick(koreans);
        const [g, gl] = pick(koreanGiven);
        [family, given, latin] = [f, g, [fl, gl]];
      } else {
        const [f, fl, fr] = pick(japanese);
        const [g, gl, gr] = pick(japaneseGiven);
        [family, given, latin, reading] = [f, g, [fl, gl], `${fr} ${gr}`];
      }
      const indication = pick(indications);
      // The fields the queue and its search keys read; a stored case is larger (not needed to time the queue).
      const caseJson = JSON.stringify({
        patient: {
          familyName: family,
          givenName: given,
          familyNameLatin: latin[0],
          givenNameLatin: latin[1],
          ...(reading ? { nameReading: reading } : {}),
        },
        diagnosis: { indication },
        urgency,
      });
      const assignee =
        status === "triage" || status === "redirected"
          ? random() < 0.1
            ? pick(staff[site])
            : null
          : pick(staff[site]);
      insertReferral.run(
        crypto.randomUUID(),
        referenceCodeFrom(crypto.randomBytes(14)),
        pick(physicians),
        status,
        site,
        caseJson,
        family,
        given,
        latin.join(" "),
        "1960-01-01",
        korean ? "ko" : "ja",
        indication,
        urgency,
        weighted(outcomes),
        assignee,
        used,
        running,
        due,
        decided ? changed.toISOString() : null,
        submitted.toISOString(),
        changed.toISOString(),
        submitted.toISOString(),
        changed.toISOString(),
      );
    }
  })();
  sqlite.exec("ANALYZE");
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return { seconds: (Date.now() - started) / 1000 };
}

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

const kept = process.env.KQ_BENCH_DB;
const dir = kept ? null : fs.mkdtempSync(path.join(os.tmpdir(), "kq-queue-bench-"));
const file = kept ?? path.join(dir!, "queue.sqlite");
try {
  if (!kept || !fs.existsSync(file)) {
    const migrating = openDatabase(file);
    await migrateToLatest(migrating);
    await migrating.destroy();
    console.log(`Generating ${count.toLocaleString("en")} referrals in ${file} ...`);
    const { seconds } = build(file);
    const size = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    console.log(
      `  inserted in ${seconds.toFixed(1)} s (search keys by trigger included), ${(size / 1e6).toFixed(0)} MB`,
    );
  } else {
    console.log(`Reusing ${file}`);
  }

  const db = openDatabase(file);
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
  console.log(`\n${runs} runs each, page size ${PAGE_SIZE}:`);

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
  await db.destroy();
} finally {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
