// The one generator of the queue benchmarks' referrals: a seeded, realistic spread of sites, states, urgency,
// indications, screen results, assignees and due dates. Two writers put its rows into a migrated database, so the
// indexes and search-key triggers are the engine's real ones: bench/queue/million.ts (SQLite, prepared statements)
// and bench/queue/million-postgres.ts (PostgreSQL, batched multi-row inserts). Both get the same rows from the same
// seed; only the ids and reference codes are random, as the portal makes them.
import crypto from "node:crypto";
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

export type People = { staff: Record<"konyang" | "qst", string[]>; physicians: string[] };
export type Value = string | number | null;

/** The users columns a bench account fills, in the order of benchPeople's rows. */
export const userColumns = [
  "id",
  "email",
  "password_hash",
  "family_name",
  "given_name",
  "role",
  "site_code",
  "institution",
  "country",
  "preferred_language",
  "status",
  "created_at",
  "failed_login_count",
] as const;

/** The referrals columns the generator fills, in the order of referralRows' values. */
export const referralColumns = [
  "id",
  "reference_code",
  "physician_id",
  "status",
  "site_code",
  "case_json",
  "patient_family_name",
  "patient_given_name",
  "patient_latin_name",
  "patient_birth_date",
  "patient_language",
  "indication",
  "urgency",
  "screen_outcome",
  "assignee_id",
  "clock_used_days",
  "clock_running_since",
  "clock_due_on",
  "first_decision_at",
  "created_at",
  "updated_at",
  "submitted_at",
  "status_changed_at",
] as const;

/** Twelve staff at each site and 400 physicians, who cannot sign in (password hash "x"; the SQL-only benchmark). */
export function benchPeople(now = new Date()): { people: People; users: Value[][] } {
  const people: People = { staff: { konyang: [], qst: [] }, physicians: [] };
  const users: Value[][] = [];
  const sites = [
    ["konyang", "KR", "ko"],
    ["qst", "JP", "ja"],
  ] as const;
  for (const [site, country, lng] of sites) {
    for (let i = 0; i < 12; i += 1) {
      const id = crypto.randomUUID();
      const role = i % 3 ? "coordinator" : "reviewer";
      users.push([id, `${site}.staff${i}@bench.test`, "x", "S", String(i), role, site, "bench", country, lng]);
      people.staff[site].push(id);
    }
  }
  for (let i = 0; i < 400; i += 1) {
    const id = crypto.randomUUID();
    const [country, lng] = i % 2 ? ["KR", "ko"] : ["JP", "ja"];
    users.push([id, `physician${i}@bench.test`, "x", "P", String(i), "physician", null, "bench", country, lng]);
    people.physicians.push(id);
  }
  for (const user of users) user.push("active", now.toISOString(), 0);
  return { people, users };
}

/** A patient's name as the generator writes it: native family and given name, Latin spelling, Japanese reading. */
type Name = { family: string; given: string; latin: [string, string]; reading: string | null; korean: boolean };

function nameFor(site: string, random: () => number, pick: <T>(values: readonly T[]) => T): Name {
  const korean = site === "konyang" ? random() < 0.9 : random() < 0.25;
  if (korean) {
    const [f, fl] = pick(koreans);
    const [g, gl] = pick(koreanGiven);
    return { family: f, given: g, latin: [fl, gl], reading: null, korean };
  }
  const [f, fl, fr] = pick(japanese);
  const [g, gl, gr] = pick(japaneseGiven);
  return { family: f, given: g, latin: [fl, gl], reading: `${fr} ${gr}`, korean };
}

/**
 * `count` referrals handled by `people`, as rows of referralColumns. The same seed each call: the same sites, states,
 * names, clocks and assignee positions for the same count and people, whichever engine they are written to.
 */
export function* referralRows(count: number, people: People, now = new Date()): Generator<Value[]> {
  const random = prng(0x9e11);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  /** A value drawn by weight: [[value, weight], ...]. */
  const weighted = <T>(table: readonly (readonly [T, number])[]): T => {
    const total = table.reduce((n, [, w]) => n + w, 0);
    let r = random() * total;
    for (const [value, w] of table) if ((r -= w) < 0) return value;
    return table[table.length - 1]![0];
  };
  const isoDay = (offsetDays: number) =>
    new Date(now.getTime() + 9 * HOUR + offsetDays * DAY).toISOString().slice(0, 10);
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
    const name = nameFor(site, random, pick);
    const indication = pick(indications);
    // The fields the queue and its search keys read; a stored case is larger (not needed to time the queue).
    const caseJson = JSON.stringify({
      patient: {
        familyName: name.family,
        givenName: name.given,
        familyNameLatin: name.latin[0],
        givenNameLatin: name.latin[1],
        ...(name.reading ? { nameReading: name.reading } : {}),
      },
      diagnosis: { indication },
      urgency,
    });
    const unassigned = status === "triage" || status === "redirected";
    const assignee = unassigned ? (random() < 0.1 ? pick(people.staff[site]) : null) : pick(people.staff[site]);
    yield [
      crypto.randomUUID(),
      referenceCodeFrom(crypto.randomBytes(14)),
      pick(people.physicians),
      status,
      site,
      caseJson,
      name.family,
      name.given,
      name.latin.join(" "),
      "1960-01-01",
      name.korean ? "ko" : "ja",
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
    ];
  }
}
