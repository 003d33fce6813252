import { beforeEach, describe, expect, it } from "vitest";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { transitionReferral } from "~/modules/referrals/referrals.service.server";
import { getDb } from "~/utils/db.server";
import { answerOf, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { emptyQueues, referralAt } from "../../../tests/factories/queue";
import { formRequest } from "../../../tests/setup/request";
import * as queueRoute from "./route";
import { staff as staffCookie } from "../../../tests/factories/staff-referral";

const day = 86_400_000;
const args = (request: Request) => ({ request, params: {}, context: {} });

async function openQueue(cookie: string, query = "", lng = "en") {
  const answer = await answerOf(queueRoute.loader(args(getRequest(`/queue${query}`, { cookie, lng }))));
  expect(answer.status).toBe(200);
  return answer.data as Awaited<ReturnType<typeof queueRoute.loader>>;
}

/** Posts one of the queue page's forms (bulk actions, saved views) and answers what the action returned. */
const postQueue = (path: string, fields: Record<string, string>, options: { cookie: string; lng?: string }) =>
  answerOf(queueRoute.action(args(formRequest(path, fields, options))));

describe("the site queue", () => {
  beforeEach(async () => emptyQueues(await getDb()));

  it("lets only active coordinators and reviewers in, and shows each only their own site", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const now = new Date();
    const atKonyang = await referralAt(db, physician, { site: "konyang", patient: "ko", now });
    const atQst = await referralAt(db, physician, { site: "qst", patient: "ja", now });
    const konyang = await staffCookie(db, "konyang");
    const qst = await staffCookie(db, "qst", "reviewer");

    const konyangQueue = await openQueue(konyang.cookie);
    expect(konyangQueue.rows.map((r) => r.id)).toContain(atKonyang.id);
    expect(konyangQueue.rows.map((r) => r.id)).not.toContain(atQst.id);
    const qstQueue = await openQueue(qst.cookie);
    expect(qstQueue.rows.map((r) => r.id)).toEqual([atQst.id]);

    // Searching another site's patient by code or by name finds nothing, in any tab.
    for (const q of [atKonyang.referenceCode, "김민준", "KIM MINJUN"]) {
      const found = await openQueue(qst.cookie, `?q=${encodeURIComponent(q)}`);
      expect(found.rows).toEqual([]);
      expect(Object.values(found.counts).every((n) => n === 0)).toBe(true);
    }
    // A tampered assignee or filter cannot widen the site either.
    expect((await openQueue(qst.cookie, `?assignee=${konyang.id}&tab=triage`)).rows).toEqual([]);

    for (const role of ["physician", "admin"] as const) {
      const cookie = await sessionCookieFor(db, (await createAccount(db, { role, site: null })).id);
      expect((await answerOf(queueRoute.loader(args(getRequest("/queue", { cookie }))))).status).toBe(403);
      expect(
        (await postQueue("/queue", { intent: "bulk", bulkAction: "claim", ids: atKonyang.id }, { cookie })).status,
      ).toBe(403);
    }
    expect(await answerOf(queueRoute.loader(args(getRequest("/queue"))))).toMatchObject({
      status: 302,
      location: "/login?redirectTo=%2Fqueue",
    });
  });

  it("counts every tab and lists each tab's referrals, urgent first then by due date", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const staff = await staffCookie(db, "konyang");
    const actor = { id: staff.id, role: "coordinator" as const };
    const now = new Date();
    const make = (urgency: "routine" | "urgent", daysAgo: number) =>
      referralAt(db, physician, { site: "konyang", urgency, now: new Date(now.getTime() - daysAgo * day) });
    const routineOld = await make("routine", 3);
    const routineNew = await make("routine", 0);
    const urgent = await make("urgent", 0);
    const reviewing = await make("routine", 1);
    await transitionReferral(db, { referralId: reviewing.id, actor, action: "claim", now });
    const asking = await make("routine", 1);
    await transitionReferral(db, {
      referralId: asking.id,
      actor,
      action: "request_info",
      data: { fields: ["clinical.ecog"] },
      now,
    });
    const accepted = await make("routine", 1);
    await transitionReferral(db, { referralId: accepted.id, actor, action: "accept", now });
    const scheduled = await make("routine", 1);
    await transitionReferral(db, { referralId: scheduled.id, actor, action: "accept", now });
    await transitionReferral(db, {
      referralId: scheduled.id,
      actor,
      action: "schedule",
      data: { date: "2099-01-05", time: "10:00", place: "A" },
      now,
    });
    const declined = await make("routine", 1);
    await transitionReferral(db, {
      referralId: declined.id,
      actor,
      action: "decline",
      reasonCode: "outside_criteria",
      now,
    });

    const queue = await openQueue(staff.cookie);
    expect(queue.counts).toEqual({ triage: 3, in_review: 1, info_requested: 1, accepted: 1, scheduled: 1, closed: 1 });
    expect(queue.rows.map((r) => r.id)).toEqual([urgent.id, routineOld.id, routineNew.id]);
    expect(queue.rows[0]).toMatchObject({ urgency: "urgent", clock: { kind: "running" } });
    expect((await openQueue(staff.cookie, "?tab=info_requested")).rows).toMatchObject([
      { id: asking.id, clock: { kind: "paused" } },
    ]);
    expect((await openQueue(staff.cookie, "?tab=scheduled")).rows.map((r) => r.id)).toEqual([scheduled.id]);
    expect((await openQueue(staff.cookie, "?tab=closed")).rows.map((r) => r.id)).toEqual([declined.id]);
    // An unknown tab falls back to triage rather than failing.
    expect((await openQueue(staff.cookie, "?tab=nonsense")).filters.tab).toBe("triage");
  });

  it("filters by indication, screen result, urgency, assignee and breach, and counts within the filter", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const staff = await staffCookie(db, "konyang");
    const colleague = await staffCookie(db, "konyang", "reviewer");
    const now = new Date();
    // The coordinator assigns a referral to someone of the site.
    const assign = (referral: { id: string }, assignee: { id: string }) =>
      transitionReferral(db, {
        referralId: referral.id,
        actor: { id: staff.id, role: "coordinator" },
        action: "assign",
        data: { assigneeId: assignee.id },
        now,
      });
    const prostate = await referralAt(db, physician, { site: "konyang", base: "prostate-localised-kr", now });
    const icc = await referralAt(db, physician, { site: "konyang", base: "icc-ecog-missing", now });
    // Submitted long ago and urgent: its 3 working days are long gone.
    const overdue = await referralAt(db, physician, {
      site: "konyang",
      base: "larynx-scc",
      urgency: "urgent",
      now: new Date(now.getTime() - 20 * day),
    });
    await assign(icc, staff);
    await assign(overdue, colleague);

    const ids = async (query: string, tab = "triage") =>
      (await openQueue(staff.cookie, `?tab=${tab}&${query}`)).rows.map((r) => r.id).sort();
    expect(await ids("indication=prostate")).toEqual([prostate.id]);
    expect(await ids("outcome=not_eligible", "in_review")).toEqual([overdue.id]);
    expect(await ids("outcome=needs_review", "in_review")).toEqual([icc.id]);
    expect(await ids("urgency=urgent", "in_review")).toEqual([overdue.id]);
    expect(await ids("assignee=me", "in_review")).toEqual([icc.id]);
    expect(await ids(`assignee=${colleague.id}`, "in_review")).toEqual([overdue.id]);
    expect(await ids("assignee=none")).toEqual([prostate.id]);
    const breached = await openQueue(staff.cookie, "?tab=in_review&breach=1");
    expect(breached.rows.map((r) => r.id)).toEqual([overdue.id]);
    expect(breached.rows[0]!.clock).toMatchObject({ kind: "running", breached: true });
    expect(breached.counts).toMatchObject({ triage: 0, in_review: 1 });
    // My work: what is assigned to me, counted per tab.
    expect((await openQueue(staff.cookie, "?assignee=me")).counts).toMatchObject({ triage: 0, in_review: 1 });
  });

  it("finds a referral by its code as people type it, and by name in Hangul, kanji, kana or Latin", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const staff = await staffCookie(db, "konyang");
    const now = new Date();
    const kim = await referralAt(db, physician, { site: "konyang", patient: "ko", now });
    const park = await referralAt(db, physician, { site: "konyang", patient: "ko2", now });
    // A Japanese patient living in Korea: waits at Konyang, with a katakana reading.
    const sato = await referralAt(db, physician, { site: "konyang", patient: "ja", now });
    const miller = await referralAt(db, physician, { site: "konyang", patient: "en", now });
    const search = async (q: string) =>
      (await openQueue(staff.cookie, `?q=${encodeURIComponent(q)}`)).rows.map((r) => r.id).sort();

    expect(await search(kim.referenceCode.toLowerCase().replace(/-/g, " "))).toEqual([kim.id]);
    expect(await search(`  ${park.referenceCode.slice(3)}`)).toEqual([park.id]);
    expect(await search("김민준")).toEqual([kim.id]);
    expect((await openQueue(staff.cookie, `?q=${encodeURIComponent("김민준")}`)).counts).toEqual({
      triage: 1,
      in_review: 0,
      info_requested: 0,
      accepted: 0,
      scheduled: 0,
      closed: 0,
    });
    expect(await search("김 민")).toEqual([kim.id]);
    expect(await search("서연")).toEqual([park.id]);
    expect(await search("佐藤")).toEqual([sato.id]);
    expect(await search("さとう")).toEqual([sato.id]);
    expect(await search("ｻﾄｳ ﾊﾅｺ")).toEqual([sato.id]);
    expect(await search("hanako sato")).toEqual([sato.id]);
    expect(await search("Kim Minjun")).toEqual([kim.id]);
    expect(await search("ＰＡＲＫ")).toEqual([park.id]);
    expect(await search("miller")).toEqual([miller.id]);
    expect(await search("Anne Miller")).toEqual([miller.id]);
    expect(await search("Tanaka")).toEqual([]);
    // Searched from another tab, the referral's own tab opens.
    await transitionReferral(db, {
      referralId: miller.id,
      actor: { id: staff.id, role: "coordinator" },
      action: "accept",
      now,
    });
    const moved = await answerOf(
      queueRoute.loader(args(getRequest(`/queue?tab=triage&q=${miller.referenceCode}`, { cookie: staff.cookie }))),
    );
    expect(moved).toMatchObject({
      status: 302,
      location: `/queue?tab=accepted&q=${encodeURIComponent(miller.referenceCode)}`,
    });
    expect(await search("%")).toEqual([]);
  });

  it("pages with a cursor: stable while new referrals arrive, no row twice, none skipped", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const staff = await staffCookie(db, "konyang");
    const now = new Date();
    const created: string[] = [];
    for (let i = 0; i < 60; i += 1)
      created.push(
        (
          await referralAt(db, physician, {
            site: "konyang",
            urgency: i % 5 === 0 ? "urgent" : "routine",
            now: new Date(now.getTime() - (i % 9) * day),
          })
        ).id,
      );

    const first = await openQueue(staff.cookie);
    expect(first.rows).toHaveLength(25);
    expect(first.firstPage).toBe(true);
    expect(first.next).toBeTruthy();
    // New referrals that sort before the cursor arrive between page loads: they do not shift the next page.
    for (let i = 0; i < 5; i += 1)
      await referralAt(db, physician, { site: "konyang", urgency: "urgent", now: new Date(now.getTime() - 30 * day) });
    const second = await openQueue(staff.cookie, `?tab=triage&after=${encodeURIComponent(first.next!)}`);
    expect(second.firstPage).toBe(false);
    expect(second.rows).toHaveLength(25);
    const third = await openQueue(staff.cookie, `?tab=triage&after=${encodeURIComponent(second.next!)}`);
    expect(third.rows).toHaveLength(10);
    expect(third.next).toBeNull();
    const seen = [...first.rows, ...second.rows, ...third.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(60);
    expect(seen.sort()).toEqual([...created].sort());
    // Each page continues the order of the one before: urgent first, then the earliest due date.
    const order = [...first.rows, ...second.rows, ...third.rows].map(
      (r) => `${r.urgency === "urgent" ? 0 : 1}|${r.clock.kind === "running" ? r.clock.dueOn : ""}|${r.id}`,
    );
    expect(order).toEqual([...order].sort());
    // A forged cursor is ignored (the first page), never an error.
    const fromStart = (await openQueue(staff.cookie)).rows.map((r) => r.id);
    expect((await openQueue(staff.cookie, "?after=bm90LWEtY3Vyc29y")).rows.map((r) => r.id)).toEqual(fromStart);
  });

  it("claims and assigns in bulk from the queue, each as its own audited step", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const staff = await staffCookie(db, "konyang");
    const reviewer = await staffCookie(db, "konyang", "reviewer");
    const outsider = await staffCookie(db, "qst");
    const now = new Date();
    const a = await referralAt(db, physician, { site: "konyang", now });
    const b = await referralAt(db, physician, { site: "konyang", now });
    const c = await referralAt(db, physician, { site: "konyang", now });
    const elsewhere = await referralAt(db, physician, { site: "qst", now });

    const body = new URLSearchParams({ intent: "bulk", bulkAction: "assign", assigneeId: reviewer.id });
    for (const id of [a.id, b.id, elsewhere.id]) body.append("ids", id);
    const answer = await answerOf(queueRoute.action(args(formRequestWith("/queue?tab=triage", body, staff.cookie))));
    expect(answer).toMatchObject({ status: 302, location: "/queue?tab=triage&done=bulk&count=2&refused=1" });
    for (const id of [a.id, b.id]) {
      expect(await findReferral(db, id)).toMatchObject({ status: "in_review", assignee_id: reviewer.id });
      expect((await auditEventsFor(db, "referral", id)).map((e) => e.action)).toContain("referral.assign");
    }
    // Another site's referral in the list of ids is refused, untouched.
    expect(await findReferral(db, elsewhere.id)).toMatchObject({ status: "triage", assignee_id: null });
    expect(await auditEventsFor(db, "referral", elsewhere.id)).toHaveLength(1);

    const claim = await postQueue(
      "/queue",
      { intent: "bulk", bulkAction: "claim", ids: c.id },
      { cookie: staff.cookie },
    );
    expect(claim.status).toBe(302);
    expect(await findReferral(db, c.id)).toMatchObject({ status: "in_review", assignee_id: staff.id });

    const empty = await postQueue(
      "/queue",
      { intent: "bulk", bulkAction: "claim" },
      { cookie: staff.cookie, lng: "ja" },
    );
    expect(empty.status).toBe(400);
    expect(empty.data.errors.ids).toBe("紹介を1件以上選んでください。");
    const noAssignee = await postQueue(
      "/queue",
      { intent: "bulk", bulkAction: "assign", ids: a.id },
      { cookie: staff.cookie, lng: "ko" },
    );
    expect(noAssignee.data.errors.assigneeId).toBe("소속 기관의 담당자를 선택하십시오.");
    // A colleague of another site is no assignee here.
    const foreign = new URLSearchParams({ intent: "bulk", bulkAction: "assign", assigneeId: outsider.id, ids: a.id });
    expect((await answerOf(queueRoute.action(args(formRequestWith("/queue", foreign, staff.cookie))))).location).toBe(
      "/queue?tab=triage&done=bulk&count=0&refused=1",
    );
  });

  it("saves, lists and deletes views per user", async () => {
    const db = await getDb();
    const staff = await staffCookie(db, "konyang");
    const other = await staffCookie(db, "konyang");
    const saved = await postQueue(
      "/queue?tab=in_review&urgency=urgent&breach=1",
      { intent: "saveView", name: "Urgent overdue" },
      { cookie: staff.cookie },
    );
    expect(saved).toMatchObject({
      status: 302,
      location: "/queue?tab=in_review&urgency=urgent&breach=1&done=viewSaved",
    });
    const views = (await openQueue(staff.cookie)).views;
    expect(views).toMatchObject([{ name: "Urgent overdue", query: "tab=in_review&urgency=urgent&breach=1" }]);
    expect((await openQueue(other.cookie)).views).toEqual([]);
    // Someone else's view cannot be deleted.
    expect(
      (await postQueue("/queue", { intent: "deleteView", viewId: views[0]!.id }, { cookie: other.cookie })).status,
    ).toBe(404);
    const blank = await postQueue("/queue", { intent: "saveView", name: "  " }, { cookie: staff.cookie, lng: "en" });
    expect(blank).toMatchObject({ status: 400, data: { errors: { name: "Give the view a name." } } });
    expect(
      (await postQueue("/queue", { intent: "deleteView", viewId: views[0]!.id }, { cookie: staff.cookie })).status,
    ).toBe(302);
    expect((await openQueue(staff.cookie)).views).toEqual([]);
  });
});

/** A form post with repeated fields (checkboxes), carrying the CSRF token as formRequest does. */
function formRequestWith(url: string, body: URLSearchParams, cookie: string) {
  const base = formRequest(url, {}, { cookie });
  body.set("_csrf", "t".repeat(43));
  return new Request(base.url, { method: "POST", headers: base.headers, body });
}
