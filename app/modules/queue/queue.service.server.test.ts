import { beforeEach, describe, expect, it } from "vitest";
import { getSessionUser } from "~/modules/accounts/session.server";
import { transitionReferral } from "~/modules/referrals/referrals.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { emptyQueues, referralAt } from "../../../tests/factories/queue";
import { loadQueue, nameSearchKey, siteDashboard } from "./queue.service.server";
import type { Staff } from "./staff.server";

// Monday 21 December 2026, 10:00 in Korea and Japan. Christmas (Fri 25) is a public holiday in Korea, not in Japan;
// New Year's Day (Fri 1 January) is one in both.
const monday = new Date("2026-12-21T01:00:00Z");
const at = (isoDate: string) => new Date(`${isoDate}T01:00:00Z`);

async function staffOf(db: Database, site: "konyang" | "qst"): Promise<Staff> {
  const account = await createAccount(db, { role: "coordinator", site });
  return (await getSessionUser(getRequest("/", { cookie: await sessionCookieFor(db, account.id) }))) as Staff;
}

describe("the clock in the queue", () => {
  beforeEach(async () => emptyQueues(await getDb()));

  it("counts working days of the site's own country, pauses while information is requested, and flags breaches", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const konyang = await staffOf(db, "konyang");
    const qst = await staffOf(db, "qst");
    const kr = await referralAt(db, physician, { site: "konyang", urgency: "urgent", now: monday });
    const jp = await referralAt(db, physician, { site: "qst", urgency: "urgent", now: monday });

    // Three working days: Tue 22, Wed 23, Thu 24 in both countries.
    const row = async (staff: Staff, now: Date, tab: "triage" | "info_requested" = "triage") => (await loadQueue(db, staff, { tab }, null, now)).rows[0]!;
    expect((await row(konyang, monday)).clock).toEqual({ kind: "running", left: 3, dueOn: "2026-12-24", breached: false, target: 3 });
    expect((await row(qst, monday)).clock).toMatchObject({ kind: "running", left: 3, dueOn: "2026-12-24" });
    expect((await row(konyang, at("2026-12-24"))).clock).toMatchObject({ left: 0, breached: false });
    // Christmas is no working day in Korea: on Monday 28 the Korean referral is one working day over, the Japanese two.
    expect((await row(konyang, at("2026-12-28"))).clock).toMatchObject({ left: -1, breached: true });
    expect((await row(qst, at("2026-12-28"))).clock).toMatchObject({ left: -2, breached: true });
    expect((await loadQueue(db, konyang, { tab: "triage", breach: true }, null, at("2026-12-24"))).rows).toEqual([]);
    expect((await loadQueue(db, konyang, { tab: "triage", breach: true }, null, at("2026-12-28"))).rows.map((r) => r.id)).toEqual([kr.id]);

    // Information requested on Wednesday 23 (2 days used): paused, one day left whenever it returns.
    await transitionReferral(db, {
      referralId: kr.id,
      actor: { id: konyang.id, role: "coordinator" },
      action: "request_info",
      data: { fields: ["clinical.ecog"] },
      now: at("2026-12-23"),
    });
    expect((await row(konyang, at("2027-01-20"), "info_requested")).clock).toEqual({ kind: "paused", left: 1, breached: false, target: 3 });
    expect((await loadQueue(db, konyang, { tab: "info_requested", breach: true }, null, at("2027-01-20"))).rows).toEqual([]);
    // The answer on Thursday 31 December restarts it with the day that was left: Friday 1 January is a holiday.
    await transitionReferral(db, { referralId: kr.id, actor: { id: physician.id, role: "physician" }, action: "answer_info", now: at("2026-12-31") });
    expect((await row(konyang, at("2026-12-31"))).clock).toMatchObject({ kind: "running", left: 1, dueOn: "2027-01-04" });
    void jp;
  });

  it("normalises searched names the way the keys are stored", () => {
    expect(nameSearchKey(" Kim  Min-jun ")).toBe("kimmin-jun");
    expect(nameSearchKey("ｻﾄｳ　ﾊﾅｺ")).toBe("サトウハナコ");
    expect(nameSearchKey("さとう はなこ")).toBe("サトウハナコ");
    expect(nameSearchKey("ＭＩＬＬＥＲ")).toBe("miller");
    expect(nameSearchKey("김 민준")).toBe("김민준");
  });
});

describe("the site dashboard", () => {
  beforeEach(async () => emptyQueues(await getDb()));

  it("counts open referrals per state, breaches, median working days to first decision and outcomes per indication", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const konyang = await staffOf(db, "konyang");
    const qst = await staffOf(db, "qst");
    const actor = { id: konyang.id, role: "coordinator" as const };
    const prostate1 = await referralAt(db, physician, { site: "konyang", base: "prostate-localised-kr", now: monday });
    const prostate2 = await referralAt(db, physician, { site: "konyang", base: "prostate-localised-kr", now: monday });
    const pancreas = await referralAt(db, physician, { site: "konyang", base: "pancreas-kr-prefers-qst-consented", crossBorder: true, now: monday });
    const urgent = await referralAt(db, physician, { site: "konyang", urgency: "urgent", now: monday });
    await referralAt(db, physician, { site: "konyang", now: monday });
    // Decisions after 1, 3 and 4 working days (Tue 22; Thu 24; Mon 28 — Christmas does not count).
    await transitionReferral(db, { referralId: prostate1.id, actor, action: "accept", now: at("2026-12-22") });
    await transitionReferral(db, { referralId: prostate2.id, actor, action: "decline", reasonCode: "outside_criteria", now: at("2026-12-24") });
    await transitionReferral(db, { referralId: pancreas.id, actor, action: "redirect", reasonCode: "treatment_on_site", now: at("2026-12-28") });
    await transitionReferral(db, { referralId: urgent.id, actor, action: "claim", now: at("2026-12-22") });

    const board = await siteDashboard(db, konyang, 30, at("2026-12-29"));
    expect(board.open).toEqual({ triage: 1, in_review: 1, info_requested: 0, accepted: 1, scheduled: 0 });
    // The urgent referral (due Thu 24) is past its clock on Tuesday 29; the routine one (due 7 January) is not.
    expect(board.breaches).toEqual({ urgent: 1, routine: 0 });
    expect(board.decisions).toBe(3);
    expect(board.medianDays).toEqual({ all: 3, urgent: null, routine: 3 });
    expect(board.byIndication).toEqual([
      { indication: "prostate", accept: 1, decline: 1, redirect: 0 },
      { indication: "pancreas", accept: 0, decline: 0, redirect: 1 },
    ]);
    // A redirect is Konyang's decision, not QST's, though the referral now waits at QST.
    const qstBoard = await siteDashboard(db, qst, 30, at("2026-12-29"));
    expect(qstBoard.decisions).toBe(0);
    expect(qstBoard.open.triage).toBe(1);
    // Decisions before the period are left out.
    expect((await siteDashboard(db, konyang, 30, at("2027-03-01"))).decisions).toBe(0);
  });
});
