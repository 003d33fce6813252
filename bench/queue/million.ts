// A million referrals for the queue benchmarks: a seeded, realistic spread of sites, states, urgency, indications,
// screen results, assignees and due dates, written in one transaction into a migrated SQLite file (so the 0007
// indexes and search-key triggers are real). bench/queue.bench.ts times the queue's SQL on it; the HTTP benchmark
// (`npm run bench:http -- --million`) adds them to a demo database and loads the queue page as a demo coordinator.
import crypto from "node:crypto";
import SQLite from "better-sqlite3";
import { indications } from "../../app/domain/case/schema";
import { referenceCodeFrom } from "../../app/domain/reference-code/reference-code";
import { defaultTargets } from "../../app/domain/workflow/clock";

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
const isoDay = (offsetDays: number) => new Date(now.getTime() + 9 * HOUR + offsetDays * DAY).toISOString().slice(0, 10);

export type People = { staff: Record<"konyang" | "qst", string[]>; physicians: string[] };

/** Twelve staff at each site and 400 physicians, who cannot sign in (for the SQL-only benchmark). */
function insertBenchPeople(sqlite: SQLite.Database): People {
  const staff: People["staff"] = { konyang: [], qst: [] };
  const physicians: string[] = [];
  const insertUser = sqlite.prepare(
    `INSERT INTO users (id, email, password_hash, family_name, given_name, role, site_code, institution, country, preferred_language, status, created_at, failed_login_count)
     VALUES (?, ?, 'x', ?, ?, ?, ?, 'bench', ?, ?, 'active', ?, 0)`,
  );
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
  return { staff, physicians };
}

/**
 * Adds `count` referrals to the migrated database `file`, handled by `people` (default: bench accounts made here),
 * then ANALYZE. Returns the seconds it took.
 */
export function fillReferrals(file: string, count: number, people?: People): { seconds: number } {
  const sqlite = new SQLite(file);
  // Loading only: the portal's own connection keeps synchronous=FULL.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("temp_store = MEMORY");
  sqlite.pragma("cache_size = -4000000"); // 4 GB: the whole file stays in memory while it is built
  const insertReferral = sqlite.prepare(
    `INSERT INTO referrals (id, reference_code, physician_id, status, site_code, case_json, patient_family_name, patient_given_name, patient_latin_name,
       patient_birth_date, patient_language, indication, urgency, screen_outcome, decision_json, assignee_id, clock_used_days, clock_running_since,
       clock_due_on, first_decision_at, created_at, updated_at, submitted_at, status_changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const started = Date.now();
  sqlite.transaction(() => {
    const { staff, physicians } = people ?? insertBenchPeople(sqlite);
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
