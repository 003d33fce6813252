import { beforeEach, describe, expect, it } from "vitest";
import { jp2024_06 } from "~/domain/eligibility/rulesets/jp-2024-06";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { getSessionUser } from "~/modules/accounts/session.server";
import type { Staff } from "~/modules/queue/staff.server";
import { findReferral, referralEvents, referralScreens } from "~/modules/referrals/referrals.repository.server";
import { getDb, type Database } from "~/utils/db.server";
import { answerOf, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { emptyQueues, referralAt } from "../../../tests/factories/queue";
import { formRequest } from "../../../tests/setup/request";
import * as pageRoute from "../../routes/queue_.$id/route";
import { rescreenAllOpen, rescreenReferral } from "./rescreen.service.server";

const now = new Date("2026-12-06T01:00:00Z");

async function staffOf(db: Database, site: "konyang" | "qst") {
  const account = await createAccount(db, { role: "coordinator", site });
  const cookie = await sessionCookieFor(db, account.id);
  return { cookie, staff: (await getSessionUser(getRequest("/", { cookie }))) as Staff };
}

/** A prostate case that jp-2024-06 held for its missing diameter and kq-2026-12 no longer asks (K2). */
async function storedUnderJp(db: Database, physician: { id: string }, site: "konyang" | "qst" = "konyang") {
  return referralAt(db, physician, { site, now: new Date("2026-11-20T01:00:00Z"), ruleset: jp2024_06 });
}

describe("re-screening a stored referral", () => {
  beforeEach(async () => emptyQueues(await getDb()));

  it("keeps both screens, makes the new one current, writes the history and the audit", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const { staff } = await staffOf(db, "konyang");
    const { id } = await storedUnderJp(db, physician);
    const before = await findReferral(db, id);
    expect(JSON.parse(before!.decision_json!).rulesetVersion).toBe("jp-2024-06");

    const comparison = await rescreenReferral(db, staff, id, { now, ip: "127.0.0.1" });
    expect(comparison).toMatchObject({
      before: { rulesetVersion: "jp-2024-06" },
      after: { rulesetVersion: "kq-2026-12" },
    });
    expect(comparison!.criteria.find((p) => p.after?.id === "metastatic_organs")?.before?.id).toBe(
      "distant_metastasis",
    );

    const screens = await referralScreens(db, id);
    expect(screens.map((s) => s.ruleset_version)).toEqual(["jp-2024-06", "kq-2026-12"]);
    const after = await findReferral(db, id);
    expect(JSON.parse(after!.decision_json!).rulesetVersion).toBe("kq-2026-12");
    expect(after).toMatchObject({
      status: before!.status,
      site_code: "konyang",
      screen_outcome: comparison!.after.outcome,
    });
    expect((await referralEvents(db, id)).at(-1)).toMatchObject({
      action: "rescreen",
      actor_user_id: staff.id,
      from_status: "triage",
      to_status: "triage",
    });
    const audit = (await auditEventsFor(db, "referral", id)).filter((e) => e.action === "referral.rescreened");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ from: "jp-2024-06", to: "kq-2026-12" });
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("answers another site's staff with an empty 404, for the page action and its .data, and changes nothing", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const { id } = await storedUnderJp(db, physician);
    const qst = await staffOf(db, "qst");
    expect(await rescreenReferral(db, qst.staff, id, { now, ip: null })).toBeNull();
    for (const path of [`/queue/${id}`, `/queue/${id}.data`]) {
      const answer = await answerOf(
        pageRoute.action({
          request: formRequest(path, { intent: "rescreen" }, { cookie: qst.cookie }),
          params: { id },
          context: {},
        }),
      );
      expect(answer).toMatchObject({ status: 404, data: null });
    }
    expect((await referralScreens(db, id)).map((s) => s.ruleset_version)).toEqual(["jp-2024-06"]);
    expect((await auditEventsFor(db, "referral", id)).map((e) => e.action)).toEqual(["referral.submitted"]);

    // The site's own coordinator re-screens through the page and sees both decisions side by side.
    const konyang = await staffOf(db, "konyang");
    const done = await answerOf(
      pageRoute.action({
        request: formRequest(`/queue/${id}`, { intent: "rescreen" }, { cookie: konyang.cookie }),
        params: { id },
        context: {},
      }),
    );
    expect(done).toMatchObject({ status: 302, location: `/queue/${id}?done=rescreen#rescreen` });
    const page = await answerOf(
      pageRoute.loader({
        request: getRequest(`/queue/${id}`, { cookie: konyang.cookie }),
        params: { id },
        context: {},
      }),
    );
    expect(page.data).toMatchObject({
      comparison: { before: { rulesetVersion: "jp-2024-06" }, after: { rulesetVersion: "kq-2026-12" } },
      rescreenWith: "kq-2026-12",
    });
  });
});

describe("re-screening every open referral", () => {
  it("counts the outcomes that changed, each way and per pair, and audits once", async () => {
    const db = await getDb();
    // Only this test's referrals are open: earlier ones are closed out of the way.
    await db.updateTable("referrals").set({ status: "closed" }).execute();
    const physician = await createAccount(db, { role: "physician" });
    const admin = await createAccount(db, { role: "admin" });
    const adminUser = (await getSessionUser(getRequest("/", { cookie: await sessionCookieFor(db, admin.id) })))!;
    const stored = (base: string) =>
      referralAt(db, physician, { site: "konyang", base, now: new Date("2026-11-20T01:00:00Z"), ruleset: jp2024_06 });
    const improved = await stored("esophagus-stage-i-gi-primary"); // K2: GI invasion no longer applies to the oesophagus
    const worsened = await stored("icc-child-pugh-c-ascites"); // K5: Child-Pugh C now excludes ICC
    const unchanged = await referralAt(db, physician, { site: "qst", now: new Date("2026-12-06T00:30:00Z") }); // already kq
    const closed = await stored("reirradiation-under-6-months");
    await db.updateTable("referrals").set({ status: "declined" }).where("id", "=", closed.id).execute();

    const report = await rescreenAllOpen(db, adminUser, { now, ip: null });
    expect(report).toMatchObject({
      total: 3,
      toVersion: "kq-2026-12",
      directions: { improved: 1, worsened: 1, unchanged: 1 },
    });
    expect(report.fromVersions).toEqual({ "jp-2024-06": 2, "kq-2026-12": 1 });
    expect(report.pairs).toEqual(
      expect.arrayContaining([
        { from: "not_eligible", to: "needs_review", count: 1 },
        { from: "likely_eligible", to: "not_eligible", count: 1 },
        { from: "likely_eligible", to: "likely_eligible", count: 1 },
      ]),
    );
    expect(report.pairs).toHaveLength(3);
    expect(await findReferral(db, improved.id)).toMatchObject({ screen_outcome: "needs_review" });
    expect(await findReferral(db, worsened.id)).toMatchObject({ screen_outcome: "not_eligible" });
    // The declined referral was left alone; each open one has a second screen.
    expect(await referralScreens(db, closed.id)).toHaveLength(1);
    expect(await referralScreens(db, unchanged.id)).toHaveLength(2);
    const audit = await auditEventsFor(db, "rule_set", "kq-2026-12");
    expect(audit.map((e) => e.action)).toEqual(["rules.rescreened_all"]);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      total: 3,
      directions: { improved: 1, worsened: 1, unchanged: 1 },
    });
    expect(await verifyAuditChain(db)).toBeNull();
  });
});
