import fs from "node:fs";
import { sql } from "kysely";
import { describe, expect, it, vi } from "vitest";
import type { ReferralCase } from "~/domain/case/schema";
import { tFor } from "~/i18n/i18n.server";
import { csvRow } from "~/modules/audit/csv";
import { submitReferral, transitionReferral } from "~/modules/referrals/referrals.service.server";
import { recordAudit } from "~/modules/audit/audit.service.server";
import { AUDIT_PAGE_SIZE, FULL_CHECK_MS } from "~/modules/audit/audit-log.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { answerOf, args, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { loader as exportCsv } from "../admin.audit_.export[.]csv/route";
import { loader } from "./route";
import { allowAuditEdits } from "../../../tests/factories/tamper";

// Every test file has its own database (tests/setup/env.ts); this one builds one log and searches it.
let world: Promise<Awaited<ReturnType<typeof build>>> | undefined;

async function build(db: Database) {
  const admin = await createAccount(db, { role: "admin" });
  const kim = await createAccount(db, { email: "kim.minjun@hospital.test" }); // the factory's people rotate: 佐藤 美咲 first
  const sato = await createAccount(db, { email: "sato.misaki@hospital.test" });
  const adminCookie = await sessionCookieFor(db, admin.id);
  const base = Date.parse("2026-11-20T00:00:00Z");
  // 120 sign-ins by one physician, an hour apart, then a few other events.
  for (let i = 0; i < 120; i++) {
    await recordAudit(db, {
      actor: { id: kim.id, role: "physician" },
      action: "account.signed_in",
      subjectType: "user",
      subjectId: kim.id,
      ip: "192.0.2.1",
      at: new Date(base + i * 3_600_000),
    });
  }
  // 2026-11-25T15:30Z is 2026-11-26 00:30 in Korea and Japan.
  await recordAudit(db, {
    actor: { id: sato.id, role: "physician" },
    action: "api_token.created",
    subjectType: "api_token",
    subjectId: "token-1",
    detail: { name: "EMR" },
    ip: "192.0.2.2",
    at: new Date("2026-11-25T15:30:00Z"),
  });
  await recordAudit(db, {
    actor: { id: admin.id, role: "admin" },
    action: "site.config.changed",
    subjectType: "site",
    subjectId: "qst",
    ip: "192.0.2.3",
    at: new Date("2026-11-25T14:59:00Z"),
  });
  await recordAudit(db, {
    actor: null,
    action: "account.sign_in_failed",
    subjectType: "user",
    subjectId: sato.id,
    at: new Date("2026-11-25T16:00:00Z"),
  });
  return { admin, kim, sato, adminCookie };
}

async function setup() {
  const db = await getDb();
  world ??= build(db);
  return { db, ...(await world) };
}

async function search(cookie: string, query: Record<string, string>, lng = "en") {
  const answer = await answerOf(
    loader(args(getRequest(`/admin/audit?${new URLSearchParams(query).toString()}`, { cookie, lng }))),
  );
  expect(answer.status).toBe(200);
  return answer.data;
}
const dateQuery = (name: string, iso: string) => {
  const [year, month, day] = iso.split("-");
  return { [`${name}.year`]: year!, [`${name}.month`]: month!, [`${name}.day`]: day! };
};

describe("the admin audit page", () => {
  it("is for administrators only", async () => {
    const { db } = await setup();
    expect((await answerOf(loader(args(getRequest("/admin/audit"))))).status).toBe(302);
    for (const role of ["physician", "coordinator", "reviewer"] as const) {
      const cookie = await sessionCookieFor(db, (await createAccount(db, { role })).id);
      expect((await answerOf(loader(args(getRequest("/admin/audit", { cookie }))))).status).toBe(403);
    }
  });

  it("shows who, in which role, when, what, about what and from where, newest first", async () => {
    const { adminCookie, sato } = await setup();
    const page = await search(adminCookie, {}, "ko");
    expect(page.events).toHaveLength(AUDIT_PAGE_SIZE);
    const seqs = page.events.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const token = page.events.find((e: { action: string }) => e.action === "api_token.created");
    expect(token).toMatchObject({
      actor: { id: sato.id, email: "sato.misaki@hospital.test", familyName: expect.any(String) },
      role: "physician",
      subjectType: "api_token",
      subjectId: "token-1",
      ip: "192.0.2.2",
      detail: '{"name":"EMR"}',
    });
    // When, in Korean, in Korea's time: 2026-11-25T15:30Z is 26 November, 00:30.
    expect(token.at.iso).toBe("2026-11-25T15:30:00.000Z");
    // The 24-hour clock of Korean hospitals: half past midnight is 00:30, never "오전 12:30".
    expect(token.at.text).toBe("2026년 11월 26일 00:30:00");
    expect(page.events.find((e: { action: string }) => e.action === "account.sign_in_failed").actor).toBeNull();
    expect(page.options.actions).toEqual(
      expect.arrayContaining(["account.signed_in", "api_token.created", "site.config.changed"]),
    );
    expect(page.options.subjectTypes).toEqual(expect.arrayContaining(["api_token", "site", "user"]));
  });

  it("filters by actor (part of an email or a name, spaces ignored), action, subject and date range", async () => {
    const { adminCookie, kim, sato } = await setup();
    const byEmail = await search(adminCookie, { actor: "SATO.MISAKI" });
    expect(byEmail.events.map((e: { action: string }) => e.action)).toEqual(["api_token.created"]);
    const byName = await search(adminCookie, {
      actor: `${byEmail.events[0].actor.familyName} ${byEmail.events[0].actor.givenName}`,
    });
    expect(byName.events.map((e: { actor: { id: string } }) => e.actor.id)).toEqual([sato.id]);
    expect((await search(adminCookie, { actor: "nobody-like-this" })).events).toEqual([]);
    // LIKE wildcards typed by the administrator are taken literally.
    expect((await search(adminCookie, { actor: "%" })).events).toEqual([]);

    const byAction = await search(adminCookie, { action: "site.config.changed" });
    expect(byAction.events.map((e: { subjectId: string }) => e.subjectId)).toEqual(["qst"]);
    const bySubject = await search(adminCookie, { subjectType: "user", subjectId: sato.id });
    expect(bySubject.events.map((e: { action: string }) => e.action)).toEqual(["account.sign_in_failed"]);
    const combined = await search(adminCookie, {
      actor: "kim.minjun",
      action: "account.signed_in",
      ...dateQuery("from", "2026-11-21"),
      ...dateQuery("to", "2026-11-21"),
    });
    // 2026-11-21 in Korea runs from 2026-11-20T15:00Z to 2026-11-21T15:00Z: the sign-ins of hours 15 to 38.
    expect(combined.events).toHaveLength(24);
    expect(combined.events.every((e: { actor: { id: string } }) => e.actor.id === kim.id)).toBe(true);
    expect(combined.events.at(-1).at.iso).toBe("2026-11-20T15:00:00.000Z");
    expect(combined.events[0].at.iso).toBe("2026-11-21T14:00:00.000Z");

    // The day boundary is Korea's and Japan's midnight, not UTC's.
    const on26 = await search(adminCookie, { ...dateQuery("from", "2026-11-26"), ...dateQuery("to", "2026-11-26") });
    expect(on26.events.map((e: { action: string }) => e.action).sort()).toEqual([
      "account.sign_in_failed",
      "api_token.created",
    ]);
    const on25 = await search(adminCookie, { action: "site.config.changed", ...dateQuery("to", "2026-11-25") });
    expect(on25.events).toHaveLength(1);
    expect(on25.form.to).toBe("2026-11-25");
  });

  it("explains a wrong search in the page language and keeps what was typed", async () => {
    const { adminCookie } = await setup();
    const impossible = await search(
      adminCookie,
      { actor: "kim", "from.year": "2026", "from.month": "2", "from.day": "30" },
      "ja",
    );
    expect(impossible.errors).toEqual({ from: tFor("ja", "validation")("invalidDate") });
    expect(impossible.events).toEqual([]);
    expect(impossible.form).toMatchObject({ actor: "kim", from: "2026-02-30" });
    const reversed = await search(
      adminCookie,
      { ...dateQuery("from", "2026-11-26"), ...dateQuery("to", "2026-11-01") },
      "ko",
    );
    expect(reversed.errors).toEqual({ to: tFor("ko", "audit")("errors.toBeforeFrom") });
  });

  it("pages through the results by keyset: no event twice, none missed, and back again", async () => {
    const { adminCookie } = await setup();
    const filter = { action: "account.signed_in" };
    const first = await search(adminCookie, filter);
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.newer).toBeNull();
    expect(first.filterQuery).toBe("action=account.signed_in");
    const second = await search(adminCookie, { ...filter, before: String(first.older) });
    const third = await search(adminCookie, { ...filter, before: String(second.older) });
    expect(third.events).toHaveLength(120 - 2 * AUDIT_PAGE_SIZE);
    expect(third.older).toBeNull();
    const all = [...first.events, ...second.events, ...third.events].map((e: { seq: number }) => e.seq);
    expect(new Set(all).size).toBe(120);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    // Back: the page newer than the second is the first again.
    expect(second.newer).toBe(second.events[0].seq);
    const back = await search(adminCookie, { ...filter, after: String(second.newer) });
    expect(back.events.map((e: { seq: number }) => e.seq)).toEqual(first.events.map((e: { seq: number }) => e.seq));
    expect(back.newer).toBeNull();
  });

  it("verifies the hash chain and names the first broken event", async () => {
    const { db, adminCookie } = await setup();
    const intact = await search(adminCookie, { action: "site.config.changed" });
    expect(intact.chain.brokenAt).toBeNull();
    expect(intact.chain.events).toBeGreaterThanOrEqual(123);
    // Someone with the database file drops the guard and edits an event.
    await allowAuditEdits(db);
    await sql`update audit_events set ip = '10.6.6.6' where seq = 7`.execute(db);
    // An already checked event is checked again with the whole chain, at most FULL_CHECK_MS later (ADR 0019).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + FULL_CHECK_MS);
      const broken = await search(adminCookie, {});
      expect(broken.chain.brokenAt).toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the audit page in words, and its CSV export", () => {
  async function referralWithEvents(db: Database, admin: { id: string }) {
    const physician = await createAccount(db, { role: "physician" });
    const caseData = JSON.parse(fs.readFileSync("docs/examples/referral-case.json", "utf8")) as ReferralCase;
    const referral = await submitReferral(db, {
      physician: { id: physician.id, country: "KR" },
      caseData,
      now: new Date("2026-11-27T01:00:00Z"),
    });
    const coordinator = await createAccount(db, { role: "coordinator", site: "konyang" });
    await transitionReferral(db, {
      referralId: referral.id,
      actor: { id: coordinator.id, role: "coordinator" },
      action: "accept",
      now: new Date("2026-11-27T02:00:00Z"),
    });
    void admin;
    return { referral, coordinator };
  }

  it("finds a referral's events by its code as a person types it, and says what happened in a sentence", async () => {
    const { db, admin, adminCookie } = await setup();
    const { referral, coordinator } = await referralWithEvents(db, admin);
    const typed = referral.referenceCode.toLowerCase().replace(/-/g, " ");
    const page = await search(adminCookie, { code: typed }, "ko");
    expect(page.errors).toEqual({});
    expect(page.events.map((e: { action: string }) => e.action)).toEqual(["referral.accept", "referral.submitted"]);
    const accept = page.events[0];
    expect(accept.referenceCode).toBe(referral.referenceCode);
    expect(accept.actor.id).toBe(coordinator.id);
    // "<family> <given> 님이 KQ-… 의뢰를 수락했습니다."
    expect(accept.sentence).toMatch(new RegExp(`님이 ${referral.referenceCode} 의뢰를 수락했습니다\\.$`));
    expect(JSON.parse(accept.raw)).toMatchObject({
      seq: accept.seq,
      action: "referral.accept",
      subject_type: "referral",
      subject_id: referral.id,
    });
    const english = await search(adminCookie, { code: referral.referenceCode }, "en");
    expect(english.events[0].sentence).toMatch(new RegExp(` accepted referral ${referral.referenceCode}\\.$`));
    const japanese = await search(adminCookie, { code: referral.referenceCode }, "ja");
    expect(japanese.events[0].sentence).toMatch(new RegExp(`さんが紹介 ${referral.referenceCode} を受け入れました。$`));

    // A code that cannot be one is explained; one no referral has finds nothing.
    const wrong = await search(adminCookie, { code: "KQ-123" }, "ja");
    expect(wrong.errors).toEqual({ code: tFor("ja", "audit")("errors.codeInvalid") });
    expect(wrong.form.code).toBe("KQ-123");
    const unknown = await search(adminCookie, { code: "KQ-6FPXE-AA02T-RA389" });
    expect(unknown.events).toEqual([]);
  });

  it("exports the filtered events as UTF-8 CSV with a BOM, for administrators only, and records the export", async () => {
    const { db, admin, adminCookie } = await setup();
    const { referral } = await referralWithEvents(db, admin);
    const query = new URLSearchParams({ code: referral.referenceCode }).toString();
    const answer = await answerOf(
      exportCsv(args(getRequest(`/admin/audit/export.csv?${query}`, { cookie: adminCookie, lng: "ko" }))),
    );
    expect(answer.status).toBe(200);
    const response = (await exportCsv(
      args(getRequest(`/admin/audit/export.csv?${query}`, { cookie: adminCookie, lng: "ko" })),
    )) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]!.split(",")[0]).toBe(tFor("ko", "audit")("columns.seq"));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${referral.referenceCode} 의뢰를 수락했습니다.`);
    expect(lines[1]).toContain("referral.accept");
    expect(lines[2]).toContain("referral.submitted");

    const exported = await search(adminCookie, { action: "audit.exported" });
    expect(exported.events[0]).toMatchObject({ actor: { id: admin.id }, subjectType: "audit_log" });
    expect(JSON.parse(exported.events[0].raw).detail).toMatchObject({ filters: query, rows: 2 });

    expect((await answerOf(exportCsv(args(getRequest("/admin/audit/export.csv"))))).status).toBe(302);
    const coordinatorCookie = await sessionCookieFor(
      db,
      (await createAccount(db, { role: "coordinator", site: "konyang" })).id,
    );
    expect(
      (await answerOf(exportCsv(args(getRequest("/admin/audit/export.csv", { cookie: coordinatorCookie }))))).status,
    ).toBe(403);
  });

  it("keeps a spreadsheet from running a typed formula", () => {
    expect(csvRow(['=HYPERLINK("x")', "박지훈", "a,b", "-1", 3])).toBe('"\'=HYPERLINK(""x"")",박지훈,"a,b",\'-1,3\r\n');
  });
});
