import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { patientStages, referralStatuses } from "~/domain/workflow/states";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { lookUpStatus } from "~/modules/status-lookup/status-lookup.service.server";
import { getDb, openDatabase, type Database } from "~/utils/db.server";
import { migrateToLatest } from "./migrate";
import { seedDemoDataIfEmpty } from "./seed";
import { demoStatusExamples } from "./seed-referrals";

const now = new Date("2026-11-26T03:00:00Z");
const DAY = 86_400_000;

async function freshDatabase(name: string): Promise<Database> {
  const db = openDatabase(path.join(process.env.DATA_DIR!, `${name}.sqlite`));
  await migrateToLatest(db);
  return db;
}

const snapshot = (db: Database) =>
  db
    .selectFrom("referrals")
    .select(["reference_code", "patient_birth_date", "status", "site_code", "screen_outcome", "indication"])
    .where("reference_code", "is not", null)
    .orderBy("reference_code")
    .execute();

describe("demo referrals", () => {
  it("screens each demo referral with the rule set published on its submission day, so jp-2024-06 ones can be re-screened", async () => {
    const db = await freshDatabase("rule-sets");
    await seedDemoDataIfEmpty(db, new Date("2026-12-07T03:00:00Z"));
    const screens = await db
      .selectFrom("referral_screens")
      .innerJoin("referrals", "referrals.id", "referral_screens.referral_id")
      .select(["referral_screens.ruleset_version", "referral_screens.screened_at", "referrals.status"])
      .execute();
    // Submitted before kq-2026-12 was published (2026-12-06, UTC+9): jp-2024-06; from that day on: kq-2026-12.
    for (const s of screens)
      expect(s.ruleset_version).toBe(s.screened_at < "2026-12-05T15:00:00.000Z" ? "jp-2024-06" : "kq-2026-12");
    expect(
      screens.filter(
        (s) => s.ruleset_version === "jp-2024-06" && ["triage", "in_review", "redirected"].includes(s.status),
      ).length,
    ).toBeGreaterThan(3);
    await db.destroy();
  });

  it("fills a new database with about sixty referrals in every state, at both sites, through the referral core", async () => {
    const db = await getDb();
    // Speed is for benchmarks, never a test's assertion (it failed on a loaded machine).
    const seeded = await seedDemoDataIfEmpty(db, now);

    const rows = await db.selectFrom("referrals").selectAll().execute();
    const submitted = rows.filter((r) => r.reference_code);
    expect(submitted.length).toBeGreaterThanOrEqual(55);
    expect(submitted.length).toBeLessThanOrEqual(65);
    const drafts = rows.filter((r) => r.status === "draft");
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    expect(drafts.every((d) => d.reference_code === null && d.submitted_at === null)).toBe(true);

    // Every state a referral can rest in (submitted is passed through at once by the router).
    const states = new Set(rows.map((r) => r.status));
    expect([...states].sort()).toEqual(referralStatuses.filter((s) => s !== "submitted").sort());
    expect(new Set(submitted.map((r) => r.site_code))).toEqual(new Set(["konyang", "qst"]));
    expect(new Set(submitted.map((r) => r.screen_outcome))).toEqual(
      new Set(["likely_eligible", "needs_review", "not_eligible"]),
    );
    expect(new Set(submitted.map((r) => r.patient_language))).toEqual(new Set(["ko", "ja", "en"]));
    expect(new Set(submitted.map((r) => r.urgency))).toEqual(new Set(["routine", "urgent"]));
    expect(new Set(submitted.map((r) => r.indication)).size).toBeGreaterThanOrEqual(12);

    // Native names, family name first; passport spellings; katakana readings for Japanese names.
    for (const row of submitted) {
      const patient = JSON.parse(row.case_json).patient;
      expect(patient.familyName + patient.givenName).toMatch(
        /^(\p{Script=Hangul}+|[\p{Script=Han}\p{Script=Hiragana}]+)$/u,
      );
      expect(row.patient_latin_name).toMatch(/^[A-Z]+ [A-Z]+$/);
      if (/\p{Script=Han}/u.test(patient.familyName))
        expect(patient.nameReading).toMatch(/^[\p{Script=Katakana}ー]+ [\p{Script=Katakana}ー]+$/u);
    }

    // Dates spread over the last six weeks, all in the past; booked consultations lie ahead.
    const submittedAt = submitted.map((r) => new Date(r.submitted_at!).getTime());
    expect(Math.min(...submittedAt)).toBeGreaterThan(now.getTime() - 43 * DAY);
    expect(Math.min(...submittedAt)).toBeLessThan(now.getTime() - 30 * DAY);
    expect(Math.max(...submittedAt)).toBeGreaterThan(now.getTime() - 2 * DAY);
    expect(submitted.every((r) => r.status_changed_at <= now.toISOString())).toBe(true);
    for (const row of submitted.filter((r) => r.status === "consultation_scheduled")) {
      expect(JSON.parse(row.consultation_json!)).toMatchObject({
        date: expect.any(String),
        time: expect.stringMatching(/^\d\d:\d\d$/),
        place: expect.any(String),
      });
      expect(JSON.parse(row.consultation_json!).date > now.toISOString().slice(0, 10)).toBe(true);
    }

    // A real history: submit and route first, every state change an event, and an audit log in time order.
    const events = await db
      .selectFrom("referral_events")
      .select(["referral_id", "seq", "action", "to_status", "occurred_at"])
      .orderBy("referral_id")
      .orderBy("seq")
      .execute();
    for (const row of submitted) {
      const own = events.filter((e) => e.referral_id === row.id);
      expect(own.slice(0, 2).map((e) => e.action)).toEqual(["submit", "route"]);
      expect(own.at(-1)!.to_status).toBe(row.status);
      expect(own.map((e) => e.occurred_at)).toEqual(own.map((e) => e.occurred_at).sort());
    }
    expect(events.filter((e) => e.action === "redirect").length).toBeGreaterThanOrEqual(3);
    const audit = await db
      .selectFrom("audit_events")
      .select(["seq", "occurred_at", "action"])
      .where("action", "like", "referral.%")
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.occurred_at)).toEqual(audit.map((a) => a.occurred_at).sort());
    expect(await verifyAuditChain(db)).toBeNull();

    // One example per patient stage, printed at start-up.
    expect(demoStatusExamples.map((e) => e.stage).sort()).toEqual([...patientStages].sort());
    for (const example of demoStatusExamples) {
      expect(
        seeded!.lines.some((line) => line.includes(example.referenceCode) && line.includes(example.birthDate)),
      ).toBe(true);
      const result = await lookUpStatus(
        db,
        { referenceCode: example.referenceCode, birthDate: example.birthDate },
        { ip: null, now, door: "api" },
      );
      expect(result).toMatchObject({ kind: "found", facts: { stage: example.stage } });
    }
    // The scheduled example is the one with a passport and an interpreter to bring: a Korean patient at QST.
    const scheduled = demoStatusExamples.find((e) => e.stage === "consultation_scheduled")!;
    const booked = await lookUpStatus(
      db,
      { referenceCode: scheduled.referenceCode, birthDate: scheduled.birthDate },
      { ip: null, now, door: "api" },
    );
    expect(booked).toMatchObject({
      facts: { site: { code: "qst" }, patientLanguage: "ko", consultation: { date: expect.any(String) } },
    });
  });

  it("are the ones the README's demo section names", () => {
    const readme = fs.readFileSync(path.resolve("README.md"), "utf8");
    for (const example of demoStatusExamples)
      expect(readme).toContain(`| \`${example.referenceCode}\` | ${example.birthDate} |`);
  });

  it("gives every fresh database the same reference codes, whenever it is seeded", async () => {
    const first = await freshDatabase("first");
    const second = await freshDatabase("second");
    await seedDemoDataIfEmpty(first, now);
    await seedDemoDataIfEmpty(second, new Date(now.getTime() + 9 * DAY + 3_600_000));
    const a = await snapshot(first);
    const b = await snapshot(second);
    expect(a.length).toBeGreaterThanOrEqual(55);
    expect(b).toEqual(a);
    // And never seeds twice.
    expect(await seedDemoDataIfEmpty(first, now)).toBeNull();
    await first.destroy();
    await second.destroy();
  });
});
