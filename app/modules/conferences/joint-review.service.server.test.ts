import { toReferral } from "~/modules/referrals/referral.mapper.server";
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { attachmentsRoot, openAttachment } from "~/modules/intake/attachments.service.server";
import { referralForPartner } from "~/modules/joint-review/joint-access.server";
import { ownerJointPanel, partnerReferralPage } from "~/modules/joint-review/joint-review-view.server";
import {
  closeJointReview,
  postJointMessage,
  proposeJointReview,
} from "~/modules/joint-review/joint-review.service.server";
import { mailFor } from "~/modules/notifications/outbox.repository.server";
import type { Staff } from "~/modules/queue/staff.server";
import { performStaffAction } from "~/modules/queue/triage.service.server";
import { addNote } from "~/modules/queue/staff-notes.service.server";
import { findReferral, referralEvents } from "~/modules/referrals/referrals.repository.server";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { asStaff, clinicalDecisionBy } from "../../../tests/factories/clinical";
import { pdfText } from "../../../tests/factories/pdf";
import { emptyQueues, referralAt } from "../../../tests/factories/queue";
import { physicianIn } from "../../../tests/factories/staff-referral";
import { conferenceSchema, recommendationSchema } from "./conferences.schema";
import {
  conferenceDetail,
  finishConference,
  jointDashboard,
  recordRecommendation,
  scheduleConference,
} from "./conferences.service.server";
import { minutesOf, renderMinutesPdf } from "./minutes.server";

const ctx = (now = new Date()) => ({ now, ip: "192.0.2.1", portalUrl: "https://portal.test" });

async function staffOf(
  db: Database,
  site: "konyang" | "qst",
  role: "coordinator" | "reviewer" = "coordinator",
  names?: Names,
) {
  const account = await createAccount(db, { role, site });
  if (names)
    await db
      .updateTable("users")
      .set({ family_name: names.familyName, given_name: names.givenName })
      .where("id", "=", account.id)
      .execute();
  return asStaff(db, account.id);
}

/** Seoul-clock parts of a moment `hours` from now (both sites keep UTC+9). */
function seoul(hoursFromNow: number, now = new Date()) {
  const d = new Date(now.getTime() + hoursFromNow * 3_600_000 + 9 * 3_600_000);
  return { date: d.toISOString().slice(0, 10), time: d.toISOString().slice(11, 16) };
}

function conferenceInput(chair: Staff, attendees: Staff[], startHours: number, cutoffHours: number, now = new Date()) {
  const start = seoul(startHours, now);
  const cutoff = seoul(cutoffHours, now);
  return conferenceSchema.parse({
    date: start.date,
    time: start.time,
    duration: "60",
    cutoffDate: cutoff.date,
    cutoffTime: cutoff.time,
    videoUrl: "https://meet.example.org/kq-joint",
    chairId: chair.id,
    attendees: attendees.map((a) => a.id),
  });
}

/** A conference `by` schedules, or the test fails. */
async function scheduled(db: Database, by: Staff, input: ReturnType<typeof conferenceInput>, now: Date) {
  const conference = await scheduleConference(db, by, input, ctx(now));
  if (!conference.ok) throw new Error("not scheduled");
  return conference;
}

type Names = { familyName: string; givenName: string };

/**
 * A physician (reading `lng`) with a cross-border referral at Konyang, and a conference two days ahead that a Konyang
 * coordinator schedules with a QST reviewer in the chair; both staff are named [family, given].
 */
async function sharedCaseAndConference(
  db: Database,
  lng: "ko" | "ja" | "en",
  [konyangFamily, konyangGiven]: [string, string],
  [chairFamily, chairGiven]: [string, string],
) {
  const physician = await physicianIn(db, lng);
  const now = new Date();
  const konyang = await staffOf(db, "konyang", "coordinator", { familyName: konyangFamily, givenName: konyangGiven });
  const chair = await staffOf(db, "qst", "reviewer", { familyName: chairFamily, givenName: chairGiven });
  const conference = await scheduled(db, konyang, conferenceInput(chair, [konyang, chair], 48, 24, now), now);
  const shared = await referralAt(db, physician, { site: "konyang", now, crossBorder: true, patient: "ko2" });
  return { physician, now, konyang, chair, conference, shared };
}

describe("joint review of a referral by Konyang and QST", () => {
  beforeEach(async () => {
    const db = await getDb();
    await emptyQueues(db);
    // Conferences of earlier tests are over: each test schedules its own.
    await db.updateTable("conferences").set({ status: "held" }).execute();
    await db.updateTable("joint_reviews").set({ status: "closed" }).execute();
  });

  it("refuses a referral whose patient did not consent to the other country's hospital, and says so on the panel", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "ko");
    const coordinator = await staffOf(db, "konyang");
    const { id } = await referralAt(db, physician, { site: "konyang", now: new Date(), crossBorder: false });
    expect(await proposeJointReview(db, coordinator, id, "Re-irradiation?", ctx())).toEqual({
      ok: false,
      code: "no_cross_border_consent",
    });
    expect((await ownerJointPanel(db, toReferral((await findReferral(db, id))!))).refusal).toBe(
      "no_cross_border_consent",
    );
    expect(await referralForPartner(db, await staffOf(db, "qst", "reviewer"), id)).toBeNull();
  });

  it("lets only the owning site propose, and the partner read while open: no name, no notes, every read audited; closing ends it", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "ko");
    const konyang = await staffOf(db, "konyang");
    const qst = await staffOf(db, "qst", "reviewer");
    const { id } = await referralAt(db, physician, { site: "konyang", now: new Date(), crossBorder: true });
    await addNote(db, konyang, id, "Internal: family prefers Daejeon.", ctx());

    expect(await referralForPartner(db, qst, id)).toBeNull();
    expect(await proposeJointReview(db, qst, id, "Can we see it?", ctx())).toEqual({ ok: false, code: "not_found" });
    expect(
      await proposeJointReview(db, konyang, id, "Is carbon-ion therapy suitable after prostatectomy?", ctx()),
    ).toMatchObject({ ok: true });
    expect(await proposeJointReview(db, konyang, id, "Again", ctx())).toEqual({ ok: false, code: "already_open" });

    const page = await partnerReferralPage(db, qst, id, ctx());
    expect(page).not.toBeNull();
    expect(page!.joint.question).toBe("Is carbon-ion therapy suitable after prostatectomy?");
    expect(JSON.stringify(Object.keys(page!))).not.toMatch(/notes|messages/);
    // A Konyang staff member of the same site is not a partner; neither is another Konyang coordinator.
    expect(await referralForPartner(db, await staffOf(db, "konyang"), id)).toBeNull();

    expect(await postJointMessage(db, qst, id, "Please share the latest PSMA-PET.", ctx())).toBe(true);
    expect(await postJointMessage(db, konyang, id, "Uploaded yesterday.", ctx())).toBe(true);
    const reads = (await auditEventsFor(db, "referral", id)).filter((e) => e.action === "referral.viewed_jointly");
    expect(reads).toHaveLength(1);
    expect(JSON.parse(reads[0]!.detail)).toMatchObject({ readerSite: "qst", site: "konyang", part: "page" });
    expect(reads[0]!.actor_user_id).toBe(qst.id);

    expect(await closeJointReview(db, konyang, id, ctx())).toBe(true);
    expect(await referralForPartner(db, qst, id)).toBeNull();
    expect(await partnerReferralPage(db, qst, id, ctx())).toBeNull();
    expect(await postJointMessage(db, qst, id, "One more thing", ctx())).toBe(false);
    expect((await referralEvents(db, id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(["joint_review_proposed", "joint_review_closed"]),
    );
  });

  it("lets the partner open the referral's documents while the review is open, audited as a partner's reading", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "en");
    const konyang = await staffOf(db, "konyang");
    const qst = await staffOf(db, "qst");
    const { id } = await referralAt(db, physician, { site: "konyang", now: new Date(), crossBorder: true });
    const attachmentId = crypto.randomUUID();
    const key = `${id}/${attachmentId}`;
    fs.mkdirSync(path.join(attachmentsRoot(), id), { recursive: true });
    fs.writeFileSync(path.join(attachmentsRoot(), key), "%PDF-1.4 pathology");
    await db
      .insertInto("attachments")
      .values({
        id: attachmentId,
        referral_id: id,
        kind: "pathology",
        file_name: "pathology.pdf",
        media_type: "application/pdf",
        size_bytes: 18,
        sha256: "0".repeat(64),
        storage_key: key,
        uploaded_by: physician.id,
        uploaded_at: new Date().toISOString(),
      } as never)
      .execute();

    const open = () => openAttachment(db, { user: qst, referralId: id, attachmentId, now: new Date(), ip: null });
    expect(await open()).toBeNull();
    await proposeJointReview(db, konyang, id, "Pathology review?", ctx());
    expect(await open()).not.toBeNull();
    const read = (await auditEventsFor(db, "referral", id))
      .filter((e) => e.action === "referral.viewed_jointly")
      .at(-1)!;
    expect(JSON.parse(read.detail)).toMatchObject({ part: "document", attachmentId });
    await closeJointReview(db, konyang, id, ctx());
    expect(await open()).toBeNull();
  });

  it("puts a proposal on the next conference whose agenda is open; one made after the cut-off goes to the following one", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "ko");
    const konyang = await staffOf(db, "konyang");
    const qst = await staffOf(db, "qst");
    const now = new Date();
    const first = await scheduled(db, konyang, conferenceInput(konyang, [konyang, qst], 48, 24, now), now);
    const second = await scheduled(db, qst, conferenceInput(qst, [konyang, qst], 24 * 8, 24 * 7, now), now);

    const early = await referralAt(db, physician, { site: "konyang", now, crossBorder: true });
    const late = await referralAt(db, physician, { site: "konyang", now, crossBorder: true });
    expect(await proposeJointReview(db, konyang, early.id, "Early", ctx(now))).toMatchObject({
      ok: true,
      conferenceId: first.id,
    });
    // Two days on, the first conference's agenda closed (its cut-off was a day after scheduling).
    const later = new Date(now.getTime() + 30 * 3_600_000);
    expect(await proposeJointReview(db, konyang, late.id, "Late", ctx(later))).toMatchObject({
      ok: true,
      conferenceId: second.id,
    });
    expect((await conferenceDetail(db, qst, first.id))!.agenda.map((a) => a.referenceCode)).toEqual([
      early.referenceCode,
    ]);
    // The partner sees the code, never the name; the owner sees both.
    expect((await conferenceDetail(db, qst, first.id))!.agenda[0]!.patient).toBeNull();
    expect((await conferenceDetail(db, konyang, first.id))!.agenda[0]!.patient).toEqual({
      familyName: "김",
      givenName: "민준",
    });
  });

  it("refuses a conference without both sites, in the past, or with the agenda closing after the start — every problem at once", async () => {
    const db = await getDb();
    const konyang = await staffOf(db, "konyang");
    const input = conferenceInput(konyang, [konyang], -2, -3);
    const result = await scheduleConference(db, konyang, input, ctx());
    expect(result).toEqual({
      ok: false,
      errors: {
        date: "conferences:validation.startInPast",
        cutoffDate: "conferences:validation.cutoffInPast",
        attendees: "conferences:validation.attendeesBothSites",
      },
    });
    const parsed = conferenceSchema.safeParse({
      date: "2026-12-10",
      time: "10:00",
      duration: "60",
      cutoffDate: "2026-12-10",
      cutoffTime: "11:00",
      chairId: konyang.id,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).sort()).toEqual([
      "conferences:validation.cutoffAfterStart",
      "conferences:validation.placeOrLink",
    ]);
  });

  it("records the chair's recommendation, tells the physician in their language when the meeting ends, and lets the owner cite it", async () => {
    const db = await getDb();
    const meeting = await sharedCaseAndConference(db, "ja", ["이", "수진"], ["山本", "健"]);
    const { physician, now, konyang, chair, conference, shared } = meeting;
    const waiting = await referralAt(db, physician, { site: "konyang", now, crossBorder: true });
    await proposeJointReview(db, konyang, shared.id, "Suitable for carbon ions at QST?", ctx(now));
    await proposeJointReview(db, konyang, waiting.id, "Re-irradiation after 5 months?", ctx(now));
    const agenda = (await conferenceDetail(db, chair, conference.id))!.agenda;
    const item = agenda.find((a) => a.referenceCode === shared.referenceCode);
    const second = agenda.find((a) => a.referenceCode === waiting.referenceCode);
    const input = recommendationSchema.parse({
      recommendation: "treat_at_qst",
      rationale: "Localised, inoperable; dose constraints met with carbon ions.",
      present: [konyang.id, chair.id],
    });

    expect(await recordRecommendation(db, konyang, conference.id, item!.id, input, ctx(now))).toEqual({
      ok: false,
      code: "not_chair",
    });
    expect(await recordRecommendation(db, chair, conference.id, item!.id, input, ctx(now))).toEqual({ ok: true });
    expect((await referralEvents(db, shared.id)).at(-1)).toMatchObject({ action: "joint_recommendation" });

    const finished = await finishConference(db, chair, conference.id, ctx(now));
    expect(finished).toEqual({ ok: true, told: 1, carried: 0 });
    expect(await recordRecommendation(db, chair, conference.id, item!.id, input, ctx(now))).toEqual({
      ok: false,
      code: "conference_held",
    });
    const [mail] = await mailFor(db, shared.id);
    expect(mail).toMatchObject({ kind: "joint_recommendation", language: "ja" });
    expect(mail!.body_text).toContain("QST病院で治療");
    expect(mail!.body_text).not.toContain("dose constraints");
    expect(mail!.body_text).not.toContain("박");

    // The unanswered case waits for the next conference and joins its agenda when one is scheduled.
    const next = await scheduled(db, chair, conferenceInput(chair, [konyang, chair], 24 * 8, 24 * 7, now), now);
    expect((await conferenceDetail(db, chair, next.id))!.agenda.map((a) => a.referenceCode)).toEqual([
      waiting.referenceCode,
    ]);
    expect(second!.referenceCode).toBe(waiting.referenceCode);

    // Konyang redirects to QST citing the recommendation: the event links it; the review ends with the move.
    await clinicalDecisionBy(db, shared.id, "konyang", "redirect");
    const redirected = await performStaffAction(
      db,
      konyang,
      shared.id,
      "redirect",
      { reasonCode: "treatment_on_site", note: undefined },
      { ...ctx(now), citesRecommendation: item!.id },
    );
    expect(redirected).toMatchObject({ ok: true, referral: { siteCode: "qst" } });
    const events = await referralEvents(db, shared.id);
    const redirect = events.find((e) => e.action === "redirect")!;
    expect(JSON.parse(redirect.data)).toMatchObject({
      jointRecommendation: { itemId: item!.id, conferenceId: conference.id, recommendation: "treat_at_qst" },
    });
    expect(events.at(-1)).toMatchObject({ action: "joint_review_closed" });

    const dashboard = await jointDashboard(db, konyang, 30, now);
    expect(dashboard.recommendations.find((r) => r.code === "treat_at_qst")!.count).toBeGreaterThanOrEqual(1);
    expect(dashboard.reviews.map((r) => r.referenceCode)).toContain(waiting.referenceCode);
    expect(dashboard.reviews.find((r) => r.referenceCode === waiting.referenceCode)!.ageDays).toBe(0);
  });

  it("writes the minutes as a PDF whose Korean and Japanese text a PDF reader extracts, naming patients only for the owner", async () => {
    const db = await getDb();
    const meeting = await sharedCaseAndConference(db, "ko", ["최", "영희"], ["鈴木", "一郎"]);
    const { now, konyang, chair, conference, shared } = meeting;
    await proposeJointReview(db, konyang, shared.id, "重粒子線治療の適応はありますか", ctx(now));
    const [item] = (await conferenceDetail(db, chair, conference.id))!.agenda;
    await recordRecommendation(
      db,
      chair,
      conference.id,
      item!.id,
      recommendationSchema.parse({
        recommendation: "workup_at_konyang",
        rationale: "MRI 재검 후 재논의",
        present: [konyang.id, chair.id],
      }),
      ctx(now),
    );
    expect(await minutesOf(db, chair, conference.id, "ja", { ...ctx(now), format: "pdf" })).toBeNull();
    await finishConference(db, chair, conference.id, ctx(now));

    const text = (bytes: Buffer) => pdfText(bytes).replace(/\s+/g, "");
    const ja = text(
      await renderMinutesPdf((await minutesOf(db, chair, conference.id, "ja", { ...ctx(now), format: "pdf" }))!, "ja"),
    );
    expect(ja).toContain("合同症例検討会議事録");
    expect(ja).toContain("まず建陽大学校病院で精査");
    expect(ja).toContain(shared.referenceCode);
    expect(ja).not.toContain("박서연");
    const ko = text(
      await renderMinutesPdf(
        (await minutesOf(db, konyang, conference.id, "ko", { ...ctx(now), format: "pdf" }))!,
        "ko",
      ),
    );
    expect(ko).toContain("합동증례회의록");
    expect(ko).toContain("건양대학교병원에서먼저정밀검사");
    expect(ko).toContain("박서연");
    expect(ko).toContain("MRI재검후재논의");
    expect(
      (await auditEventsFor(db, "conference", conference.id)).filter((e) => e.action === "conference.minutes_read"),
    ).toHaveLength(2);
  });
});
