import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { MINUTE } from "~/modules/rate-limit/rate-limit.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { freshIp, submittedReferral, unknownCode } from "../../../tests/factories/status-lookup";
import { statusLookupSchema } from "./status-lookup.schema";
import { lookUpStatus, statusForSession, endStatusSessionFor } from "./status-lookup.service.server";

// Thursday 2026-11-19, 10:00 in Korea.
const t0 = new Date("2026-11-19T01:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
const page = (now: Date, ip = freshIp()) => ({ ip, now, door: "page" as const });
const api = (now: Date, ip = freshIp()) => ({ ip, now, door: "api" as const });
const lookups = (db: Database, afterSeq: number) =>
  db
    .selectFrom("audit_events")
    .selectAll()
    .where("action", "=", "status.lookup")
    .where("seq", ">", afterSeq)
    .orderBy("seq")
    .execute();
const lastSeq = async (db: Database) =>
  (await db.selectFrom("audit_events").select("seq").orderBy("seq", "desc").executeTakeFirst())?.seq ?? 0;

function tokenOf(setCookie: string | null): string {
  const match = /^kq_status=([^;]+);/.exec(setCookie ?? "");
  if (!match) throw new Error(`no status cookie in ${setCookie}`);
  return decodeURIComponent(match[1]!);
}

/** What the patient types: the referral's reference code and their birth date. */
const codeAndBirthDate = (referral: { referenceCode: string; birthDate: string }) => ({
  referenceCode: referral.referenceCode,
  birthDate: referral.birthDate,
});

describe("status lookup: the code and the birth date", () => {
  it("reads a code as people type it and refuses one whose check symbol fails", () => {
    const typed = statusLookupSchema.parse({ referenceCode: " kq ０ｆ１８ｋ—jxvd5 9jvmw ", birthDate: "1958-03-14" });
    expect(typed.referenceCode).toBe("KQ-0F18K-JXVD5-9JVMW");
    const typo = statusLookupSchema.safeParse({ referenceCode: "KQ-0F18K-JXVD5-9JVMX", birthDate: "1958-03-14" });
    expect(typo.success ? null : typo.error.issues.map((i) => i.message)).toEqual(["status:errors.codeFormat"]);
    const noDate = statusLookupSchema.safeParse({ referenceCode: "KQ-0F18K-JXVD5-9JVMW", birthDate: "1958-02-30" });
    expect(noDate.success ? null : noDate.error.issues.map((i) => i.message)).toEqual([
      "status:errors.birthDateInvalid",
    ]);
  });

  it("finds the stage with the right code and birth date, and nothing more", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: t0 });
    const result = await lookUpStatus(db, codeAndBirthDate(referral), page(at(1)));
    expect(result.kind).toBe("found");
    if (result.kind !== "found") return;
    expect(result.facts).toEqual({
      stage: "received",
      statusChangedAt: t0.toISOString(),
      site: {
        code: "konyang",
        names: { ko: "건양대학교병원", ja: "建陽大学校病院", en: "Konyang University Hospital" },
        timezone: "Asia/Seoul",
      },
      patientLanguage: "ko",
      consultation: null,
    });
    // The cookie is a random token only: no code, no birth date.
    expect(result.setCookie).toMatch(/^kq_status=[A-Za-z0-9_-]{43}; Path=\/; SameSite=Lax; HttpOnly$/);
    expect(result.setCookie).not.toContain(referral.referenceCode);
    // The API door opens no session.
    const viaApi = await lookUpStatus(db, codeAndBirthDate(referral), api(at(2)));
    expect(viaApi).toMatchObject({ kind: "found", setCookie: null });
  });

  it("shows a booked consultation's date, time and place, and a redirect's new site", async () => {
    const db = await getDb();
    const booked = await submittedReferral(db, { caseName: "pancreas-kr-prefers-qst-consented", now: t0 });
    await booked.move("accept", at(60));
    await booked.move("schedule", at(120), {
      data: { date: "2026-12-10", time: "10:30", place: "QST病院 外来受付", interpreterNote: "通訳者同伴予定" },
    });
    const result = await lookUpStatus(
      db,
      { referenceCode: booked.referenceCode, birthDate: booked.birthDate },
      api(at(130)),
    );
    expect(result).toMatchObject({
      kind: "found",
      facts: {
        stage: "consultation_scheduled",
        site: { code: "qst" },
        consultation: { date: "2026-12-10", time: "10:30", place: "QST病院 外来受付" },
      },
    });
    // The coordinator's note about interpreting is staff text: it never reaches the patient.
    expect(JSON.stringify(result)).not.toContain("通訳者同伴予定");

    const moved = await submittedReferral(db, { caseName: "pancreas-kr-prefers-qst-consented", now: t0 });
    await moved.move("redirect", at(60), { reasonCode: "home_country_workup" });
    expect(
      await lookUpStatus(db, { referenceCode: moved.referenceCode, birthDate: moved.birthDate }, api(at(61))),
    ).toMatchObject({
      kind: "found",
      facts: { stage: "redirected", site: { code: "konyang" } },
    });
  });

  it("answers a wrong code and a wrong birth date identically, and audits both without the code or the date", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: t0 });
    const before = await lastSeq(db);
    const code = unknownCode();
    const wrongCode = await lookUpStatus(db, { referenceCode: code, birthDate: referral.birthDate }, page(at(1)));
    const wrongDate = await lookUpStatus(
      db,
      { referenceCode: referral.referenceCode, birthDate: "1958-03-15" },
      page(at(1)),
    );
    expect(wrongCode).toEqual({ kind: "not_found" });
    expect(wrongDate).toEqual(wrongCode);

    const events = await lookups(db, before);
    expect(events.map((e) => JSON.parse(e.detail).ok)).toEqual([false, false]);
    expect(events.map((e) => JSON.parse(e.detail).outcome)).toEqual(["not_found", "not_found"]);
    // Every lookup is audited; neither the code nor the birth date appears in clear anywhere in the record.
    for (const text of [
      JSON.stringify(events),
      JSON.stringify(await db.selectFrom("rate_limits").selectAll().execute()),
    ]) {
      for (const secret of [
        referral.referenceCode,
        referral.referenceCode.slice(3, 8),
        code,
        referral.birthDate,
        "1958-03-15",
      ])
        expect(text).not.toContain(secret);
    }
    await lookUpStatus(db, codeAndBirthDate(referral), page(at(2), "203.0.113.7"));
    const last = await db.selectFrom("audit_events").selectAll().orderBy("seq", "desc").executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: "status.lookup",
      subject_id: referral.id,
      ip: "203.0.113.7",
      actor_user_id: null,
    });
    expect(JSON.parse(last.detail)).toMatchObject({ ok: true, outcome: "found", door: "page" });
    expect(await verifyAuditChain(db)).toBeNull();
  });
});

describe("status lookup: limits", () => {
  it("locks a code for 15 minutes after 5 wrong tries, even against the right birth date", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: t0 });
    const wrong = { referenceCode: referral.referenceCode, birthDate: "1960-01-01" };
    const right = codeAndBirthDate(referral);
    const before = await lastSeq(db);
    // A different address each time: the lock is the code's, not the address's.
    for (let i = 1; i <= 4; i++) expect(await lookUpStatus(db, wrong, page(at(i)))).toEqual({ kind: "not_found" });
    expect(await lookUpStatus(db, wrong, page(at(5)))).toEqual({ kind: "locked", until: at(20) });
    expect(await lookUpStatus(db, right, page(at(6)))).toEqual({ kind: "locked", until: at(20) });
    expect(await lookUpStatus(db, right, page(at(19.9)))).toMatchObject({ kind: "locked" });
    // Refusals while locked are audited too.
    const outcomes = (await lookups(db, before)).map((e) => JSON.parse(e.detail).outcome);
    expect(outcomes).toEqual(["not_found", "not_found", "not_found", "not_found", "locked", "locked", "locked"]);
    // The lock ends 15 minutes after the fifth failure.
    expect(await lookUpStatus(db, right, page(at(20)))).toMatchObject({ kind: "found", facts: { stage: "received" } });
  });

  it("locks a code no referral has just the same (a lock reveals nothing)", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: t0 });
    const code = unknownCode();
    const results = [];
    for (let i = 1; i <= 6; i++)
      results.push(await lookUpStatus(db, { referenceCode: code, birthDate: referral.birthDate }, page(at(i))));
    expect(results.map((r) => r.kind)).toEqual([
      "not_found",
      "not_found",
      "not_found",
      "not_found",
      "locked",
      "locked",
    ]);
  });

  it("holds back an address after 10 failures in 15 minutes, whatever the codes", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: t0 });
    const right = codeAndBirthDate(referral);
    const others = await Promise.all([1, 2, 3].map(() => submittedReferral(db, { now: t0 })));
    const tries = others.flatMap((o) =>
      [1, 2, 3].map((n) => ({ referenceCode: o.referenceCode, birthDate: `1930-01-0${n}` })),
    );
    const ip = freshIp();
    for (const [i, attempt] of tries.entries())
      expect((await lookUpStatus(db, attempt, page(at(i), ip))).kind).toBe("not_found");
    // The tenth failure reaches the limit.
    expect(await lookUpStatus(db, { referenceCode: unknownCode(), birthDate: "1930-01-01" }, page(at(9), ip))).toEqual({
      kind: "throttled",
      until: at(24),
    });
    expect(await lookUpStatus(db, right, page(at(10), ip))).toEqual({ kind: "throttled", until: at(24) });
    // Another address is not held back, and this one is free again after the block.
    expect((await lookUpStatus(db, right, page(at(10)))).kind).toBe("found");
    expect((await lookUpStatus(db, right, page(at(24), ip))).kind).toBe("found");
  });
});

describe("status session", () => {
  it("closes after 5 idle minutes; each view keeps it alive", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: t0 });
    const found = await lookUpStatus(db, codeAndBirthDate(referral), page(at(0)));
    const token = tokenOf(found.kind === "found" ? found.setCookie : null);

    expect(await statusForSession(db, token, at(4.9))).toMatchObject({ kind: "ok", facts: { stage: "received" } });
    expect(await statusForSession(db, token, at(9.8))).toMatchObject({ kind: "ok" });
    expect(await statusForSession(db, token, at(14.9))).toEqual({ kind: "expired" });
    // Once expired it stays closed.
    expect(await statusForSession(db, token, at(15))).toEqual({ kind: "expired" });
    expect(await statusForSession(db, null, at(15))).toEqual({ kind: "none" });
    expect(await statusForSession(db, "forged-token", at(15))).toEqual({ kind: "expired" });
  });

  it("shows the current stage on every view, ends on request, and closes after 30 minutes in any case", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: t0 });
    const open = async (now: Date) => {
      const found = await lookUpStatus(db, codeAndBirthDate(referral), page(now));
      return tokenOf(found.kind === "found" ? found.setCookie : null);
    };
    const token = await open(at(0));
    await referral.move("claim", at(1));
    expect(await statusForSession(db, token, at(2))).toMatchObject({ kind: "ok", facts: { stage: "in_review" } });
    await endStatusSessionFor(db, token, at(3));
    expect(await statusForSession(db, token, at(3))).toEqual({ kind: "expired" });

    const busy = await open(at(10));
    for (let minute = 14; minute < 40; minute += 4)
      expect((await statusForSession(db, busy, at(minute))).kind).toBe("ok");
    expect(await statusForSession(db, busy, at(40))).toEqual({ kind: "expired" });
  });

  it("a new lookup in the same browser ends the previous session", async () => {
    const db = await getDb();
    const first = await submittedReferral(db, { now: t0 });
    const second = await submittedReferral(db, { now: t0 });
    const a = await lookUpStatus(db, { referenceCode: first.referenceCode, birthDate: first.birthDate }, page(at(0)));
    const tokenA = tokenOf(a.kind === "found" ? a.setCookie : null);
    await lookUpStatus(
      db,
      { referenceCode: second.referenceCode, birthDate: second.birthDate },
      { ...page(at(1)), previousToken: tokenA },
    );
    expect(await statusForSession(db, tokenA, at(2))).toEqual({ kind: "expired" });
  });
});
