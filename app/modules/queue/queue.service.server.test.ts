import { beforeEach, describe, expect, it } from "vitest";
import { transitionReferral } from "~/modules/referrals/referrals.service.server";
import { getDb } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { staffOf } from "../../../tests/factories/clinical";
import { emptyQueues, referralAt } from "../../../tests/factories/queue";
import { loadQueue, nameSearchKey, siteDashboard } from "./queue.service.server";
import type { Staff } from "./staff.server";

// Monday 21 December 2026, 10:00 in Korea and Japan. Christmas (Fri 25) is a public holiday in Korea, not in Japan;
// New Year's Day (Fri 1 January) is one in both.
const monday = new Date("2026-12-21T01:00:00Z");
const at = (isoDate: string) => new Date(`${isoDate}T01:00:00Z`);

/** A referring physician and a coordinator at each site. */
async function physicianAndBothSites() {
  const db = await getDb();
  const physician = await createAccount(db, { role: "physician" });
  return { db, physician, konyang: await staffOf(db, "konyang"), qst: await staffOf(db, "qst") };
}

describe("the clock in the queue", () => {
  beforeEach(async () => emptyQueues(await getDb()));

  it("counts working days of the site's own country, pauses while information is requested, and flags breaches", async () => {
    const { db, physician, konyang, qst } = await physicianAndBothSites();
    const kr = await referralAt(db, physician, { site: "konyang", urgency: "urgent", now: monday });
    const jp = await referralAt(db, physician, { site: "qst", urgency: "urgent", now: monday });

    // Three working days: Tue 22, Wed 23, Thu 24 in both countries.
    const row = async (staff: Staff, now: Date, tab: "triage" | "info_requested" = "triage") =>
      (await loadQueue(db, staff, { tab }, null, now)).rows[0]!;
    expect((await row(konyang, monday)).clock).toEqual({
      kind: "running",
      left: 3,
      dueOn: "2026-12-24",
      breached: false,
      target: 3,
    });
    expect((await row(qst, monday)).clock).toMatchObject({ kind: "running", left: 3, dueOn: "2026-12-24" });
    expect((await row(konyang, at("2026-12-24"))).clock).toMatchObject({ left: 0, breached: false });
    // Christmas is no working day in Korea: on Monday 28 the Korean referral is one working day over, the Japanese two.
    expect((await row(konyang, at("2026-12-28"))).clock).toMatchObject({ left: -1, breached: true });
    expect((await row(qst, at("2026-12-28"))).clock).toMatchObject({ left: -2, breached: true });
    expect((await loadQueue(db, konyang, { tab: "triage", breach: true }, null, at("2026-12-24"))).rows).toEqual([]);
    expect(
      (await loadQueue(db, konyang, { tab: "triage", breach: true }, null, at("2026-12-28"))).rows.map((r) => r.id),
    ).toEqual([kr.id]);

    // Information requested on Wednesday 23 (2 days used): paused, one day left whenever it returns.
    await transitionReferral(db, {
      referralId: kr.id,
      actor: { id: konyang.id, role: "coordinator" },
      action: "request_info",
      data: { fields: ["clinical.ecog"] },
      now: at("2026-12-23"),
    });
    expect((await row(konyang, at("2027-01-20"), "info_requested")).clock).toEqual({
      kind: "paused",
      left: 1,
      breached: false,
      target: 3,
    });
    expect(
      (await loadQueue(db, konyang, { tab: "info_requested", breach: true }, null, at("2027-01-20"))).rows,
    ).toEqual([]);
    // The answer on Thursday 31 December restarts it with the day that was left: Friday 1 January is a holiday.
    await transitionReferral(db, {
      referralId: kr.id,
      actor: { id: physician.id, role: "physician" },
      action: "answer_info",
      now: at("2026-12-31"),
    });
    expect((await row(konyang, at("2026-12-31"))).clock).toMatchObject({
      kind: "running",
      left: 1,
      dueOn: "2027-01-04",
    });
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
    const { db, physician, konyang, qst } = await physicianAndBothSites();
    const actor = { id: konyang.id, role: "coordinator" as const };
    const prostate1 = await referralAt(db, physician, { site: "konyang", base: "prostate-localised-kr", now: monday });
    const prostate2 = await referralAt(db, physician, { site: "konyang", base: "prostate-localised-kr", now: monday });
    const pancreas = await referralAt(db, physician, {
      site: "konyang",
      base: "pancreas-kr-prefers-qst-consented",
      crossBorder: true,
      now: monday,
    });
    const urgent = await referralAt(db, physician, { site: "konyang", urgency: "urgent", now: monday });
    await referralAt(db, physician, { site: "konyang", now: monday });
    // Decisions after 1, 3 and 4 working days (Tue 22; Thu 24; Mon 28 — Christmas does not count).
    await transitionReferral(db, { referralId: prostate1.id, actor, action: "accept", now: at("2026-12-22") });
    await transitionReferral(db, {
      referralId: prostate2.id,
      actor,
      action: "decline",
      reasonCode: "outside_criteria",
      now: at("2026-12-24"),
    });
    await transitionReferral(db, {
      referralId: pancreas.id,
      actor,
      action: "redirect",
      reasonCode: "treatment_on_site",
      now: at("2026-12-28"),
    });
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

describe("sorting and partial codes", () => {
  beforeEach(async () => emptyQueues(await getDb()));

  it("sorts by any column both ways, and pages on after a cursor in that order", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const konyang = await staffOf(db, "konyang");
    const made = [];
    for (const [i, patient] of (["ko", "ko2", "ko", "ko2", "ko"] as const).entries()) {
      made.push(
        await referralAt(db, physician, {
          site: "konyang",
          patient,
          urgency: i % 2 ? "urgent" : "routine",
          now: at(`2026-12-0${i + 1}`),
        }),
      );
    }
    const ids = async (filters: Parameters<typeof loadQueue>[2], pageSize?: number) => {
      const first = await loadQueue(db, konyang, filters, null, monday);
      return {
        ids: first.rows.map((r) => r.id),
        codes: first.rows.map((r) => r.referenceCode),
        next: first.next,
        pageSize,
      };
    };
    const byCode = [...made].sort((a, b) => a.referenceCode.localeCompare(b.referenceCode));
    expect((await ids({ tab: "triage", sort: "code", dir: "asc" })).codes).toEqual(byCode.map((r) => r.referenceCode));
    expect((await ids({ tab: "triage", sort: "code", dir: "desc" })).codes).toEqual(
      byCode.map((r) => r.referenceCode).reverse(),
    );
    // Received: oldest first, newest first.
    expect((await ids({ tab: "triage", sort: "received", dir: "asc" })).ids).toEqual(made.map((r) => r.id));
    expect((await ids({ tab: "triage", sort: "received", dir: "desc" })).ids).toEqual(made.map((r) => r.id).reverse());
    // Patient: 김 before 박 (Hangul order), then by id within a name; urgency: urgent first.
    const byPatient = await loadQueue(db, konyang, { tab: "triage", sort: "patient", dir: "asc" }, null, monday);
    expect(byPatient.rows.map((r) => r.familyName)).toEqual(["김", "김", "김", "박", "박"]);
    const byUrgency = await loadQueue(db, konyang, { tab: "triage", sort: "urgency", dir: "asc" }, null, monday);
    expect(byUrgency.rows.map((r) => r.urgency)).toEqual(["urgent", "urgent", "routine", "routine", "routine"]);
    // Every column sorts without error, both ways.
    for (const sort of ["indication", "screen", "status", "clock", "assignee"] as const) {
      for (const dir of ["asc", "desc"] as const)
        expect(
          (await loadQueue(db, konyang, { tab: "triage", sort, dir }, null, monday, ["prostate"])).rows,
        ).toHaveLength(5);
    }

    // Keyset paging in a chosen order: two pages of a 3-row page size give every row once, in order.
    const { queuePage } = await import("./queue.repository.server");
    const order = { column: "received" as const, direction: "desc" as const };
    const criteria = { siteCode: "konyang", targets: { urgent: 3, routine: 10 } };
    const first = await queuePage(db, criteria, "triage", null, 3, order);
    const second = await queuePage(db, criteria, "triage", first.next, 3, order);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(made.map((r) => r.id).reverse());
    expect(second.next).toBeNull();
  });

  it("finds a referral by the first five symbols of its code, typed in any case, with dashes, spaces or full width", async () => {
    const { db, physician, konyang, qst } = await physicianAndBothSites();
    const target = await referralAt(db, physician, { site: "konyang", now: monday });
    await referralAt(db, physician, { site: "konyang", patient: "ko2", now: monday });
    const symbols = target.referenceCode.replace(/^KQ-|-/g, "");
    const fullWidth = (text: string) => text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const q of [
      symbols.slice(0, 5).toLowerCase(),
      `kq-${symbols.slice(0, 5)}`,
      `${symbols.slice(0, 5)} ${symbols.slice(5, 8)}`,
      fullWidth(symbols.slice(0, 7)),
      `${symbols.slice(0, 5)}-${symbols.slice(5, 10)}`,
    ]) {
      const found = await loadQueue(db, konyang, { tab: "triage", q }, null, monday);
      expect(
        found.rows.map((r) => r.id),
        q,
      ).toEqual([target.id]);
      expect(found.counts.triage, q).toBe(1);
    }
    // Another site's staff find nothing by it; four symbols are not a code search (and match no name).
    expect((await loadQueue(db, qst, { tab: "triage", q: symbols.slice(0, 5) }, null, monday)).rows).toEqual([]);
    expect((await loadQueue(db, konyang, { tab: "triage", q: symbols.slice(0, 4) }, null, monday)).rows).toEqual([]);
    // Letters that read as code symbols but start no code here are still searched as a name.
    expect((await loadQueue(db, konyang, { tab: "triage", q: "park s" }, null, monday)).rows).toHaveLength(1);
  });
});
