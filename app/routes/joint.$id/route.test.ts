import { beforeEach, describe, expect, it } from "vitest";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { getDb, type Database } from "~/utils/db.server";
import { answerOf, createAccount, getRequest } from "../../../tests/factories/accounts";
import { emptyQueues, referralAt } from "../../../tests/factories/queue";
import { staff } from "../../../tests/factories/staff-referral";
import { formRequest } from "../../../tests/setup/request";
import * as apiDoor from "../api.v1.referrals.$referenceCode/route";
import * as conferenceRoute from "../conferences.$id/route";
import * as meetingRoute from "../conferences.$id_.meeting/route";
import * as newConference from "../conferences.new/route";
import * as proposeRoute from "../queue_.$id_.joint-review/route";
import * as queuePage from "../queue_.$id/route";
import * as pageRoute from "./route";

const load = (
  route: { loader: (a: never) => unknown },
  path: string,
  params: Record<string, string>,
  cookie: string,
  lng = "en",
) => answerOf(route.loader({ request: getRequest(path, { cookie, lng }), params, context: {} } as never));
const send = (
  route: { action: (a: never) => unknown },
  path: string,
  params: Record<string, string>,
  fields: Record<string, string>,
  cookie: string,
  lng = "en",
) => answerOf(route.action({ request: formRequest(path, fields, { cookie, lng }), params, context: {} } as never));

/** Posts the staff page's joint-review form (`intent` propose or close) for referral `id`. */
const sendJointReview = (id: string, fields: Record<string, string>, cookie: string, lng = "en") =>
  send(proposeRoute, `/queue/${id}/joint-review`, { id }, fields, cookie, lng);

/** A physician's referral waiting at Konyang with consent to share it abroad, Konyang's coordinator, a QST reviewer. */
async function crossBorderCase(db: Database, options: { patient?: "ko2" } = {}) {
  const physician = await createAccount(db, { role: "physician" });
  const konyang = await staff(db, "konyang");
  const qst = await staff(db, "qst", "reviewer");
  const referral = await referralAt(db, physician, { site: "konyang", now: new Date(), crossBorder: true, ...options });
  return { konyang, qst, id: referral.id, referenceCode: referral.referenceCode };
}

describe("a referral under joint review, as each site reads it", () => {
  beforeEach(async () => {
    const db = await getDb();
    await emptyQueues(db);
    await db.updateTable("joint_reviews").set({ status: "closed" }).execute();
  });

  it("refuses to propose without cross-border consent, in the reader's language, keeping the question typed", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const konyang = await staff(db, "konyang");
    const { id } = await referralAt(db, physician, { site: "konyang", now: new Date(), crossBorder: false });
    const page = await load(proposeRoute, `/queue/${id}/joint-review`, { id }, konyang.cookie, "ko");
    expect(page.data.refusal).toBe("no_cross_border_consent");
    const answer = await sendJointReview(id, { intent: "propose", question: "재조사 가능 여부" }, konyang.cookie, "ko");
    expect(answer.status).toBe(409);
    expect(answer.data.formError).toContain("동의하지 않았습니다");
    expect(answer.data.values.question).toBe("재조사 가능 여부");
    // An empty question is refused with its own message; another site's staff get the empty 404.
    expect(
      (await sendJointReview(id, { intent: "propose", question: " " }, konyang.cookie, "ja")).data.errors.question,
    ).toBe("合同検討会への質問を入力してください。");
    const qst = await staff(db, "qst");
    expect(await sendJointReview(id, { intent: "propose", question: "x" }, qst.cookie)).toMatchObject({
      status: 404,
      data: null,
    });
  });

  it("shows the partner the case without the patient's identity, audits each read, and answers 404 everywhere once closed", async () => {
    const db = await getDb();
    const { konyang, qst, id, referenceCode } = await crossBorderCase(db, { patient: "ko2" });

    // Before any proposal the partner sees nothing.
    expect(await load(pageRoute, `/joint/${id}`, { id }, qst.cookie)).toMatchObject({ status: 404, data: null });
    expect(
      (await sendJointReview(id, { intent: "propose", question: "Carbon ions after recurrence?" }, konyang.cookie))
        .location,
    ).toBe(`/queue/${id}?done=joint_proposed#joint`);

    for (const path of [`/joint/${id}`, `/joint/${id}.data`]) {
      const answer = await load(pageRoute, path, { id }, qst.cookie, "ja");
      expect(answer.status).toBe(200);
      expect(answer.data.referenceCode).toBe(referenceCode);
      expect(answer.data.ownerSite).toBe("建陽大学校病院");
      const json = JSON.stringify(answer.data);
      expect(json).not.toContain("박");
      expect(json).not.toContain("PARK");
      expect(json).not.toMatch(/"patient\.(familyName|birthDate|phone|email)"/);
    }
    // The partner still cannot act on it from the owner's pages.
    expect(await load(queuePage, `/queue/${id}`, { id }, qst.cookie)).toMatchObject({ status: 404, data: null });
    expect((await send(queuePage, `/queue/${id}`, { id }, { intent: "note", body: "x" }, qst.cookie)).status).toBe(404);
    expect(
      (
        await send(
          pageRoute,
          `/joint/${id}`,
          { id },
          { intent: "joint_message", jointBody: "PSMA-PET please." },
          qst.cookie,
        )
      ).location,
    ).toBe(`/joint/${id}?done=message#joint-thread`);
    const reads = (await auditEventsFor(db, "referral", id)).filter((e) => e.action === "referral.viewed_jointly");
    expect(reads.map((e) => e.actor_user_id)).toEqual([qst.id, qst.id]);

    // The owner sees the partner's message on its page and closes the review.
    const owner = await load(queuePage, `/queue/${id}`, { id }, konyang.cookie);
    expect(owner.data.joint.review.messages.map((m: { body: string }) => m.body)).toEqual(["PSMA-PET please."]);
    expect((await sendJointReview(id, { intent: "close" }, konyang.cookie)).location).toBe(
      `/queue/${id}?done=joint_closed#joint`,
    );

    for (const path of [`/joint/${id}`, `/joint/${id}.data`])
      expect(await load(pageRoute, path, { id }, qst.cookie)).toMatchObject({ status: 404, data: null });
    expect(
      await send(pageRoute, `/joint/${id}`, { id }, { intent: "joint_message", jointBody: "" }, qst.cookie),
    ).toMatchObject({ status: 404, data: null });
    // The JSON door answers staff with no data at all (it serves physicians' tokens only).
    const door = await answerOf(
      apiDoor.loader({
        request: getRequest(`/api/v1/referrals/${referenceCode}`, { cookie: qst.cookie }),
        params: { referenceCode },
        context: {},
      } as never),
    );
    expect(door.status).not.toBe(200);
    expect(JSON.stringify(door.data ?? "")).not.toContain(referenceCode);
  });

  it("lets a QST reviewer find the case on the next conference, and the chair step through it", async () => {
    const db = await getDb();
    await db.updateTable("conferences").set({ status: "held" }).execute();
    const { konyang, qst, id, referenceCode } = await crossBorderCase(db);
    const day = (days: number) =>
      new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10).split("-");
    const [y, m, d] = day(3);
    const [cy, cm, cd] = day(2);
    const body = new URLSearchParams({
      _csrf: "t".repeat(43),
      "date.year": y!,
      "date.month": m!,
      "date.day": d!,
      time: "17:00",
      duration: "60",
      "cutoffDate.year": cy!,
      "cutoffDate.month": cm!,
      "cutoffDate.day": cd!,
      cutoffTime: "12:00",
      videoUrl: "https://meet.example.org/joint",
      chairId: konyang.id,
    });
    for (const attendee of [konyang.id, qst.id]) body.append("attendees", attendee);
    const base = formRequest("/conferences/new", {}, { cookie: konyang.cookie });
    const scheduled = await answerOf(
      newConference.action({
        request: new Request(base.url, { method: "POST", headers: base.headers, body }),
        params: {},
        context: {},
      } as never),
    );
    expect(scheduled.status).toBe(302);
    const conferenceId = scheduled.location!.split("/")[2]!.split("?")[0]!;
    // Reviewers attend but do not schedule.
    expect((await load(newConference, "/conferences/new", {}, qst.cookie)).status).toBe(403);

    await sendJointReview(id, { intent: "propose", question: "Is re-irradiation reasonable?" }, konyang.cookie);
    const agenda = (await load(conferenceRoute, `/conferences/${conferenceId}`, { id: conferenceId }, qst.cookie, "ja"))
      .data.agenda;
    expect(agenda.map((a: { referenceCode: string; patient: string | null }) => [a.referenceCode, a.patient])).toEqual([
      [referenceCode, null],
    ]);
    const meeting = await load(
      meetingRoute,
      `/conferences/${conferenceId}/meeting?case=1`,
      { id: conferenceId },
      qst.cookie,
    );
    expect(meeting.data.line.question).toBe("Is re-irradiation reasonable?");
    expect(meeting.data.facts.decision).toBeTruthy();
    expect(meeting.data.conference.isChair).toBe(false);
    // Only the chair records; every problem of the form at once.
    expect(
      (
        await send(
          meetingRoute,
          `/conferences/${conferenceId}/meeting?case=1`,
          { id: conferenceId },
          { itemId: agenda[0].id },
          konyang.cookie,
        )
      ).data.errors,
    ).toMatchObject({
      recommendation: expect.any(String),
      rationale: expect.any(String),
      present: expect.any(String),
    });
    const meetingRead = (await auditEventsFor(db, "referral", id))
      .filter((e) => e.action === "referral.viewed_jointly")
      .at(-1)!;
    expect(JSON.parse(meetingRead.detail)).toMatchObject({ part: "meeting", conferenceId });
    expect(await load(conferenceRoute, "/conferences/nope", { id: "nope" }, qst.cookie)).toMatchObject({ status: 404 });
  });
});
