import { toReferral } from "~/modules/referrals/referral.mapper.server";
import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getDb, type Database } from "~/utils/db.server";
import { answerOf, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { referralAt } from "../../../tests/factories/queue";
import { patientStatusPage, submittedReferral } from "../../../tests/factories/status-lookup";
import { formRequest } from "../../../tests/setup/request";
import { loader as physicianPage } from "../../routes/referrals.$id/route";
import { loader as staffPage } from "../../routes/queue_.$id/route";
import { action as tick } from "../../routes/queue_.$id_.travel-checklist/route";
import { travelChecklistFor } from "./travel-checklist.service.server";

const now = new Date("2026-12-01T01:00:00Z");

/** A Korean resident who asked for QST and consented to the transfer abroad: routed to QST, so travelling to Japan. */
async function koreanAtQst(db: Database) {
  const referral = await submittedReferral(db, { caseName: "pancreas-kr-prefers-qst-consented", now });
  const row = await db.selectFrom("referrals").selectAll().where("id", "=", referral.id).executeTakeFirstOrThrow();
  expect(row.site_code).toBe("qst");
  return { ...referral, row };
}

async function qstStaffCookie(db: Database, site = "qst") {
  const coordinator = await createAccount(db, { role: "coordinator", site });
  return { coordinator, cookie: await sessionCookieFor(db, coordinator.id) };
}

/** The staff page's checklist form, posted from `cookie`'s browser: `item` ticked ("yes") or undone ("no"). */
const postTick = (id: string, item: string, done: "yes" | "no", cookie: string) =>
  answerOf(
    tick({
      request: formRequest(`/queue/${id}/travel-checklist`, { item, done }, { cookie }),
      params: { id },
      context: {},
    }),
  );

describe("the cross-border checklist", () => {
  it("is there for a Korean patient routed to QST and not for a Japanese resident", async () => {
    const db = await getDb();
    const korean = await koreanAtQst(db);
    const checklist = await travelChecklistFor(db, toReferral(korean.row), "team");
    expect(checklist?.items.map((i) => i.key)).toEqual([
      "passport",
      "visa",
      "interpreter",
      "accommodation",
      "costs",
      "documents",
      "coordinator",
    ]);

    const physician = await createAccount(db, { role: "physician" });
    const japanese = await referralAt(db, { id: physician.id, country: "JP" }, { site: "qst", now });
    const row = await db.selectFrom("referrals").selectAll().where("id", "=", japanese.id).executeTakeFirstOrThrow();
    expect(row.site_code).toBe("qst");
    expect(await travelChecklistFor(db, toReferral(row), "team")).toBeNull();
    const { cookie } = await qstStaffCookie(db);
    expect(
      (
        await answerOf(
          staffPage({ request: getRequest(`/queue/${row.id}`, { cookie }), params: { id: row.id }, context: {} }),
        )
      ).data.travel,
    ).toBeNull();
  });

  it("shows the patient their own items, in their language, and their progress as QST's staff tick items", async () => {
    const db = await getDb();
    const korean = await koreanAtQst(db);
    const before = await patientStatusPage(db, korean, "ko");
    expect(before.travel).toMatchObject({ done: 0, total: 6 });
    expect(before.travel.items.map((i: { key: string }) => i.key)).not.toContain("coordinator");
    const visa = before.travel.items.find((i: { key: string }) => i.key === "visa");
    expect(visa.body).toContain("90일");
    expect(visa.sources).toContain("https://www.mofa.go.jp/j_info/visit/visa/medical/index.html");

    const { coordinator, cookie } = await qstStaffCookie(db);
    for (const item of ["passport", "visa", "coordinator"]) {
      const answer = await postTick(korean.id, item, "yes", cookie);
      expect(answer.status).toBe(302);
      expect(answer.location).toBe(`/queue/${korean.id}?done=travel_item#travel-checklist`);
    }
    const after = await patientStatusPage(db, korean, "en");
    expect(after.travel).toMatchObject({ done: 2, total: 6 }); // the team's own item does not count for the patient
    expect(after.travel.items.filter((i: { done: boolean }) => i.done).map((i: { title: string }) => i.title)).toEqual([
      "Passport",
      "Visa",
    ]);

    // Undone again: the patient sees it open, and each step is in the audit log with who did it.
    await postTick(korean.id, "visa", "no", cookie);
    expect((await patientStatusPage(db, korean, "ja")).travel).toMatchObject({ done: 1, total: 6 });
    const events = await db
      .selectFrom("audit_events")
      .select(["action", "actor_user_id", "detail"])
      .where("subject_id", "=", korean.id)
      .where("action", "like", "referral.travel_item_%")
      .orderBy("seq")
      .execute();
    expect(events.map((e) => [e.action, JSON.parse(e.detail).item])).toEqual([
      ["referral.travel_item_done", "passport"],
      ["referral.travel_item_done", "visa"],
      ["referral.travel_item_done", "coordinator"],
      ["referral.travel_item_undone", "visa"],
    ]);
    expect(new Set(events.map((e) => e.actor_user_id))).toEqual(new Set([coordinator.id]));

    // The staff page and the referring physician's page show every item with what is done.
    const staff = await answerOf(
      staffPage({
        request: getRequest(`/queue/${korean.id}`, { cookie, lng: "ja" }),
        params: { id: korean.id },
        context: {},
      }),
    );
    expect(staff.data.travel).toMatchObject({ done: 2, total: 7 });
    const physicianCookie = await sessionCookieFor(db, korean.physician.id);
    const physician = await answerOf(
      physicianPage({
        request: getRequest(`/referrals/${korean.id}`, { cookie: physicianCookie, lng: "ko" }),
        params: { id: korean.id },
        context: {},
      }),
    );
    expect(physician.data.travel.items.find((i: { key: string }) => i.key === "coordinator")).toMatchObject({
      done: true,
      title: "코디네이터 기관",
    });
  });

  it("lets only staff of the owning site tick, and refuses what the page never posts", async () => {
    const db = await getDb();
    const korean = await koreanAtQst(db);
    const konyang = await qstStaffCookie(db, "konyang");
    const refused = await postTick(korean.id, "passport", "yes", konyang.cookie);
    expect(refused.status).toBe(404);
    expect(refused.data).toBeNull();
    const physicianCookie = await sessionCookieFor(db, korean.physician.id);
    expect((await postTick(korean.id, "passport", "yes", physicianCookie)).status).toBe(403);
    const { cookie } = await qstStaffCookie(db);
    expect((await postTick(korean.id, "no-such-item", "yes", cookie)).status).toBe(400);
    expect((await travelChecklistFor(db, toReferral(korean.row), "team"))?.done).toBe(0);
    // The words the staff page shows for the progress exist in every language.
    for (const lng of ["ko", "ja", "en"] as const)
      expect(tFor(lng)("travel:progress", { done: 1, total: 7 })).toMatch(/1/);
  });
});
