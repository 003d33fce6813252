import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// A real SMTP server on a random local port, configured before any module reads the environment.
const capture = await vi.hoisted(async () => {
  const { startSmtpCapture } = await import("../../../tests/factories/mail");
  const server = await startSmtpCapture();
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(server.port);
  process.env.SMTP_FROM = "Referral portal <portal@test.invalid>";
  return server;
});

import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { deliverDueMail, kickMailer } from "~/modules/notifications/mailer.server";
import { mailFor } from "~/modules/notifications/outbox.repository.server";
import { findReferral, referralEvents } from "~/modules/referrals/referrals.repository.server";
import { getSessionUser } from "~/modules/accounts/session.server";
import type { Staff } from "~/modules/queue/staff.server";
import { performStaffAction } from "~/modules/queue/triage.service.server";
import { transitionReferral } from "~/modules/referrals/referrals.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { answerOf, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { clinicalDecisionBy } from "../../../tests/factories/clinical";
import { emptyQueues, referralAt } from "../../../tests/factories/queue";
import { formRequest } from "../../../tests/setup/request";
import * as actionRoute from "../queue_.$id_.$action/route";
import * as queueRoute from "../queue/route";
import * as pageRoute from "./route";
import { withParticle } from "~/i18n/korean-particle";

afterAll(() => capture.close());

const params = (id: string, action?: string) => (action ? { id, action } : { id });
const pageArgs = (request: Request, id: string) => ({ request, params: params(id), context: {} });
const actionArgs = (request: Request, id: string, slug: string) => ({ request, params: params(id, slug), context: {} });

async function staff(db: Database, site: "konyang" | "qst", role: "coordinator" | "reviewer" = "coordinator") {
  const account = await createAccount(db, { role, site });
  return { ...account, cookie: await sessionCookieFor(db, account.id) };
}

/** A physician who reads mail in `lng`. */
async function physicianIn(db: Database, lng: "ko" | "ja" | "en") {
  const account = await createAccount(db, { role: "physician" });
  await db.updateTable("users").set({ preferred_language: lng }).where("id", "=", account.id).execute();
  return account;
}

function post(id: string, slug: string, fields: Record<string, string | string[]>, cookie: string, lng = "en") {
  const body = new URLSearchParams({ _csrf: "t".repeat(43) });
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  const base = formRequest(`/queue/${id}/${slug}`, {}, { cookie, lng });
  return actionRoute.action(
    actionArgs(new Request(base.url, { method: "POST", headers: base.headers, body }), id, slug),
  );
}

/** Waits for the mail the action queued: the route nudges the mailer; this waits for that pass (and runs one more). */
async function mailArrives(count: number) {
  await kickMailer();
  return capture.waitFor(count);
}

async function getSessionUserFor(cookie: string) {
  return (await getSessionUser(getRequest("/", { cookie }))) as Staff | null;
}

function inDays(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return {
    "date.year": String(d.getUTCFullYear()),
    "date.month": String(d.getUTCMonth() + 1),
    "date.day": String(d.getUTCDate()),
    iso: d.toISOString().slice(0, 10),
  };
}

describe("the staff referral page", () => {
  beforeEach(async () => {
    await emptyQueues(await getDb());
    // Mail an earlier test queued is delivered first, so each test reads only its own.
    await kickMailer();
    capture.received.length = 0;
  });

  it("shows the full case to staff of its site, and logs the reading", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "ko");
    const coordinator = await staff(db, "konyang");
    const { id, referenceCode } = await referralAt(db, physician, { site: "konyang", patient: "ko", now: new Date() });
    const page = await answerOf(
      pageRoute.loader(pageArgs(getRequest(`/queue/${id}`, { cookie: coordinator.cookie, lng: "ja" }), id)),
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      referenceCode,
      status: "triage",
      siteName: "建陽大学校病院",
      decision: { outcome: "likely_eligible" },
    });
    const patient = page.data.sections.find((s: { id: string }) => s.id === "patient");
    expect(patient.heading).toBe("患者");
    expect(patient.rows.find((r: { path: string }) => r.path === "patient.birthDate").value).toBe("1958年3月14日");
    expect(page.data.sections.find((s: { id: string }) => s.id === "diagnosis").rows[0]).toMatchObject({
      label: "適応症",
      value: "前立腺癌",
    });
    expect(page.data.events.map((e: { action: string }) => e.action)).toEqual(["submit", "route"]);
    const viewed = (await auditEventsFor(db, "referral", id)).filter((e) => e.action === "referral.viewed");
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ actor_user_id: coordinator.id, actor_role: "coordinator" });
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("answers another site's staff, for the page, its .data and every action, with an empty 404", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "ko");
    const { id } = await referralAt(db, physician, { site: "konyang", now: new Date() });
    const qst = await staff(db, "qst");
    for (const path of [`/queue/${id}`, `/queue/${id}.data`]) {
      const answer = await answerOf(pageRoute.loader(pageArgs(getRequest(path, { cookie: qst.cookie }), id)));
      expect(answer).toMatchObject({ status: 404, data: null });
    }
    expect(
      await answerOf(
        actionRoute.loader(actionArgs(getRequest(`/queue/${id}/accept`, { cookie: qst.cookie }), id, "accept")),
      ),
    ).toMatchObject({
      status: 404,
      data: null,
    });
    expect((await answerOf(post(id, "accept", {}, qst.cookie))).status).toBe(404);
    expect(
      (
        await answerOf(
          pageRoute.action(pageArgs(formRequest(`/queue/${id}`, { intent: "claim" }, { cookie: qst.cookie }), id)),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await answerOf(
          pageRoute.action(
            pageArgs(formRequest(`/queue/${id}`, { intent: "note", body: "x" }, { cookie: qst.cookie }), id),
          ),
        )
      ).status,
    ).toBe(404);
    expect(await findReferral(db, id)).toMatchObject({ status: "triage" });
    // Nothing was read, so nothing was logged as read.
    expect((await auditEventsFor(db, "referral", id)).map((e) => e.action)).toEqual(["referral.submitted"]);
    // Unknown ids and unknown actions are 404s too.
    const konyang = await staff(db, "konyang");
    expect(
      (await answerOf(pageRoute.loader(pageArgs(getRequest("/queue/nope", { cookie: konyang.cookie }), "nope"))))
        .status,
    ).toBe(404);
    expect(
      (
        await answerOf(
          actionRoute.loader(actionArgs(getRequest(`/queue/${id}/launch`, { cookie: konyang.cookie }), id, "launch")),
        )
      ).status,
    ).toBe(404);
  });

  it("claims, requests information (clock pauses, physician mailed in Japanese), resumes on the answer, accepts and schedules", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "ja");
    const coordinator = await staff(db, "konyang");
    const { id, referenceCode } = await referralAt(db, physician, {
      site: "konyang",
      base: "icc-ecog-missing",
      patient: "ko2",
      now: new Date(Date.now() - 2 * 86_400_000),
    });

    const claimed = await answerOf(
      pageRoute.action(pageArgs(formRequest(`/queue/${id}`, { intent: "claim" }, { cookie: coordinator.cookie }), id)),
    );
    expect(claimed).toMatchObject({ status: 302, location: `/queue/${id}?done=claim` });
    expect(await findReferral(db, id)).toMatchObject({ status: "in_review", assignee_id: coordinator.id });

    const form = await answerOf(
      actionRoute.loader(
        actionArgs(getRequest(`/queue/${id}/request-info`, { cookie: coordinator.cookie }), id, "request-info"),
      ),
    );
    expect(form.data).toMatchObject({
      available: true,
      missingFields: ["diagnosis.childPugh", "diagnosis.ascites", "clinical.ecog"],
    });
    expect(form.data.documents.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining(["referral_letter", "imaging", "liver_function", "tumour_markers"]),
    );

    const before = await findReferral(db, id);
    const asked = await answerOf(
      post(
        id,
        "request-info",
        {
          documents: ["pathology_report", "liver_function"],
          fields: ["clinical.ecog"],
          message: "ECOG と肝機能をお願いします。",
        },
        coordinator.cookie,
      ),
    );
    expect(asked).toMatchObject({ status: 302, location: `/queue/${id}?done=request_info` });
    const paused = await findReferral(db, id);
    expect(paused).toMatchObject({ status: "info_requested", clock_running_since: null, clock_due_on: null });
    expect(paused!.clock_used_days).toBeGreaterThanOrEqual(before!.clock_used_days);
    const requestEvent = (await referralEvents(db, id)).at(-1)!;
    expect(requestEvent).toMatchObject({
      action: "request_info",
      note: "ECOG と肝機能をお願いします。",
      actor_user_id: coordinator.id,
    });
    expect(JSON.parse(requestEvent.data)).toEqual({
      documents: ["pathology_report", "liver_function"],
      fields: ["clinical.ecog"],
    });

    const [mail] = await mailArrives(1);
    expect(mail).toMatchObject({
      to: [physician.email],
      language: "ja",
      subject: `紹介 ${referenceCode} の追加情報のお願い`,
    });
    expect(mail!.text).toContain("建陽大学校病院のチームが紹介");
    expect(mail!.text).toContain("・病理診断報告書");
    expect(mail!.text).toContain("・肝機能（Child-Pugh分類）");
    expect(mail!.text).toMatch(/・[^\n]*ECOG/);
    expect(mail!.text).toContain(`/referrals/${id}`);
    // Minimum exposure: no patient name and no free text leave by mail.
    expect(mail!.text).not.toMatch(/박|서연|PARK|SEOYEON/);
    expect(mail!.text).not.toContain("ECOG と肝機能をお願いします");

    // The physician answers (their page is the intake engineer's; the core does the step): the clock runs again.
    const answered = await transitionReferral(db, {
      referralId: id,
      actor: { id: physician.id, role: "physician" },
      action: "answer_info",
      note: "ECOG 1",
      now: new Date(),
    });
    expect(answered).toMatchObject({ ok: true, referral: { status: "triage" } });
    expect((await findReferral(db, id))!.clock_running_since).not.toBeNull();

    // The site asks for a reviewer's clinical decision before accepting (docs/decisions/0012).
    await clinicalDecisionBy(db, id, "konyang", "accept");
    const accepted = await answerOf(post(id, "accept", { note: "" }, coordinator.cookie));
    expect(accepted).toMatchObject({ status: 302, location: `/queue/${id}?done=accept` });
    expect(await findReferral(db, id)).toMatchObject({ status: "accepted", clock_running_since: null });
    const [, acceptedMail] = await mailArrives(2);
    expect(acceptedMail).toMatchObject({
      language: "ja",
      subject: `紹介 ${referenceCode} は建陽大学校病院で受諾されました`,
    });

    const when = inDays(14);
    const scheduled = await answerOf(
      post(
        id,
        "schedule",
        {
          "date.year": when["date.year"],
          "date.month": when["date.month"],
          "date.day": when["date.day"],
          time: "10:30",
          place: "본관 2층 방사선종양학과",
          interpreter: "",
          // Two weeks from today may fall on a weekend or holiday: the coordinator has confirmed the day.
          confirmDay: when.iso,
        },
        coordinator.cookie,
      ),
    );
    expect(scheduled).toMatchObject({ status: 302, location: `/queue/${id}?done=schedule` });
    expect(JSON.parse((await findReferral(db, id))!.consultation_json!)).toMatchObject({
      date: when.iso,
      time: "10:30",
      place: "본관 2층 방사선종양학과",
      timeZone: "Asia/Seoul",
      durationMinutes: 60,
      outsideSlots: true,
    });
    const [, , scheduledMail] = await mailArrives(3);
    expect(scheduledMail!.subject).toBe(`紹介 ${referenceCode} の初診が予約されました`);
    expect(scheduledMail!.text).toContain("10:30、본관 2층 방사선종양학과");

    expect((await auditEventsFor(db, "referral", id)).map((e) => e.action)).toEqual([
      "referral.submitted",
      "referral.claim",
      "referral.request_info",
      "referral.answer_info",
      "referral.clinical_decision_recorded",
      "referral.accept",
      "referral.letter_issued",
      "referral.schedule",
    ]);
    expect((await mailFor(db, id)).map((m) => [m.kind, m.status])).toEqual([
      ["info_requested", "sent"],
      ["accepted", "sent"],
      ["scheduled", "sent"],
    ]);
    const history = await answerOf(
      pageRoute.loader(pageArgs(getRequest(`/queue/${id}`, { cookie: coordinator.cookie, lng: "ko" }), id)),
    );
    expect(history.data.events.map((e: { action: string }) => e.action)).toEqual([
      "submit",
      "route",
      "claim",
      "request_info",
      "answer_info",
      "accept",
      "schedule",
    ]);
    expect(history.data.thread.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
      ["request_info", "ECOG と肝機能をお願いします。"],
      ["answer_info", "ECOG 1"],
    ]);
    expect(history.data.consultation).toMatchObject({ time: "10:30", place: "본관 2층 방사선종양학과" });
  });

  it("marks an accept after a not-eligible screen and a decline after a likely-eligible one as overrides, and mails in English", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "en");
    const reviewer = await staff(db, "konyang", "reviewer");
    const notEligible = await referralAt(db, physician, { site: "konyang", base: "larynx-scc", now: new Date() });
    const likely = await referralAt(db, physician, { site: "konyang", base: "prostate-localised-kr", now: new Date() });

    const warned = await answerOf(
      actionRoute.loader(
        actionArgs(
          getRequest(`/queue/${notEligible.id}/accept`, { cookie: reviewer.cookie }),
          notEligible.id,
          "accept",
        ),
      ),
    );
    expect(warned.data).toMatchObject({ override: true, outcome: "not_eligible" });
    await clinicalDecisionBy(db, notEligible.id, "konyang", "accept");
    expect((await answerOf(post(notEligible.id, "accept", {}, reviewer.cookie))).status).toBe(302);
    expect(JSON.parse((await referralEvents(db, notEligible.id)).at(-1)!.data)).toEqual({
      override: true,
      screenOutcome: "not_eligible",
      clinicalDecisionId: expect.any(String),
    });

    await clinicalDecisionBy(db, likely.id, "konyang", "decline", { declineReason: "patient_choice" });
    expect(
      (
        await answerOf(
          post(
            likely.id,
            "decline",
            { reasonCode: "patient_choice", note: "Patient prefers surgery." },
            reviewer.cookie,
          ),
        )
      ).status,
    ).toBe(302);
    const declineEvent = (await referralEvents(db, likely.id)).at(-1)!;
    expect(declineEvent).toMatchObject({
      action: "decline",
      reason_code: "patient_choice",
      note: "Patient prefers surgery.",
    });
    expect(JSON.parse(declineEvent.data)).toMatchObject({ override: true, screenOutcome: "likely_eligible" });

    const page = await answerOf(
      pageRoute.loader(pageArgs(getRequest(`/queue/${likely.id}`, { cookie: reviewer.cookie, lng: "en" }), likely.id)),
    );
    expect(page.data.events.at(-1)).toMatchObject({
      action: "decline",
      override: true,
      screenOutcome: "likely_eligible",
      reasonCode: "patient_choice",
    });

    const mails = await mailArrives(2);
    const decline = mails.find((m) => m.subject.includes("not accepted"))!;
    expect(decline).toMatchObject({
      language: "en",
      subject: `Referral ${likely.referenceCode} not accepted by Konyang University Hospital`,
    });
    expect(decline.text).toContain("Reason: The patient no longer wishes to proceed.");
    expect(decline.text).not.toContain("Patient prefers surgery");
  });

  it("refuses what the workflow forbids with a translated 409, and a redirect abroad without consent in words", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "ko");
    const coordinator = await staff(db, "konyang");
    const { id } = await referralAt(db, physician, { site: "konyang", now: new Date() });

    // Scheduling before accepting: the page says why, and a forced post is a 409 with words, never a 500.
    const page = await answerOf(
      actionRoute.loader(
        actionArgs(getRequest(`/queue/${id}/schedule`, { cookie: coordinator.cookie }), id, "schedule"),
      ),
    );
    expect(page.data.available).toBe(false);
    const when = inDays(7);
    const forced = await answerOf(
      post(
        id,
        "schedule",
        {
          "date.year": when["date.year"],
          "date.month": when["date.month"],
          "date.day": when["date.day"],
          time: "09:00",
          place: "A",
        },
        coordinator.cookie,
        "ko",
      ),
    );
    expect(forced.status).toBe(409);
    expect(forced.data.formError).toBe(
      "이 의뢰는 현재 ‘분류 대기’ 상태이므로 이 작업을 할 수 없습니다. 의뢰 화면에서 지금 할 수 있는 작업을 확인하십시오.",
    );

    const noConsent = await answerOf(post(id, "redirect", { reasonCode: "capacity" }, coordinator.cookie, "ja"));
    expect(noConsent.status).toBe(409);
    expect(noConsent.data.formError).toContain("QST病院へ転送できません");
    expect(await findReferral(db, id)).toMatchObject({ status: "triage", site_code: "konyang" });
    const warned = await answerOf(
      actionRoute.loader(
        actionArgs(getRequest(`/queue/${id}/redirect`, { cookie: coordinator.cookie, lng: "en" }), id, "redirect"),
      ),
    );
    expect(warned.data.redirectTo).toEqual({ site: "QST Hospital", crossesBorder: true, consent: false });

    const invalid = await answerOf(post(id, "decline", { note: "" }, coordinator.cookie, "en"));
    expect(invalid).toMatchObject({ status: 400, data: { errors: { reasonCode: "Choose a reason." } } });
    const other = await answerOf(post(id, "decline", { reasonCode: "other" }, coordinator.cookie, "en"));
    expect(other).toMatchObject({
      status: 400,
      data: { errors: { note: "Explain the reason when you choose “Other”." }, values: { reasonCode: "other" } },
    });
    const past = inDays(-3);
    expect(
      (await answerOf(post(id, "request-info", { message: "?" }, coordinator.cookie, "ja"))).data.errors.documents,
    ).toBe("依頼する書類または症例項目を1つ以上選んでください。");

    // Accept, then a schedule in the past is refused before anything changes.
    await clinicalDecisionBy(db, id, "konyang", "accept");
    await answerOf(post(id, "accept", {}, coordinator.cookie));
    const inPast = await answerOf(
      post(
        id,
        "schedule",
        {
          "date.year": past["date.year"],
          "date.month": past["date.month"],
          "date.day": past["date.day"],
          time: "09:00",
          place: "A",
        },
        coordinator.cookie,
        "en",
      ),
    );
    expect(inPast).toMatchObject({ status: 400, data: { errors: { date: "Choose today or a later date." } } });
    expect(await findReferral(db, id)).toMatchObject({ status: "accepted" });
    expect((await auditEventsFor(db, "referral", id)).map((e) => e.action)).toEqual([
      "referral.submitted",
      "referral.clinical_decision_recorded",
      "referral.accept",
      "referral.letter_issued",
    ]);
  });

  it("redirects with consent: the referral moves to QST's queue and leaves Konyang's", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "ko");
    const coordinator = await staff(db, "konyang");
    const qst = await staff(db, "qst");
    const { id, referenceCode } = await referralAt(db, physician, {
      site: "konyang",
      crossBorder: true,
      now: new Date(),
    });
    const moved = await answerOf(
      post(id, "redirect", { reasonCode: "treatment_on_site", note: "" }, coordinator.cookie),
    );
    // The coordinator lands on their queue, which names the code and the receiving site (the URL only the opaque id).
    expect(moved).toMatchObject({ status: 302, location: `/queue?done=moved&referral=${id}` });
    const queueAt = async (cookie: string, lng: string) =>
      (
        await answerOf(
          queueRoute.loader({ request: getRequest(moved.location!, { cookie, lng }), params: {}, context: {} }),
        )
      ).data as { moved: unknown };
    expect((await queueAt(coordinator.cookie, "en")).moved).toEqual({ referenceCode, site: "QST Hospital" });
    expect((await queueAt(coordinator.cookie, "ja")).moved).toEqual({ referenceCode, site: "QST病院" });
    // Anyone else holding the URL learns nothing: a colleague at the same site, or the receiving site's staff.
    const colleague = await staff(db, "konyang");
    expect((await queueAt(colleague.cookie, "en")).moved).toBeNull();
    expect((await queueAt(qst.cookie, "en")).moved).toBeNull();
    expect(await findReferral(db, id)).toMatchObject({ status: "redirected", site_code: "qst", assignee_id: null });
    expect(
      (await answerOf(pageRoute.loader(pageArgs(getRequest(`/queue/${id}`, { cookie: coordinator.cookie }), id))))
        .status,
    ).toBe(404);
    expect(
      (await answerOf(pageRoute.loader(pageArgs(getRequest(`/queue/${id}`, { cookie: qst.cookie }), id)))).data.status,
    ).toBe("redirected");
    const [mail] = await mailArrives(1);
    expect(mail).toMatchObject({
      language: "ko",
      subject: `의뢰 ${withParticle(referenceCode, "이/가")} QST 병원으로 이송되었습니다`,
    });
    expect(mail!.text).toContain("사유: 중입자선 치료 자체는 상대 기관에서 시행함.");
  });

  it("keeps internal notes to staff and sends messages to the physician with a mail that carries no text", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "en");
    const coordinator = await staff(db, "konyang");
    const { id } = await referralAt(db, physician, { site: "konyang", now: new Date() });
    const note = await answerOf(
      pageRoute.action(
        pageArgs(
          formRequest(
            `/queue/${id}`,
            { intent: "note", body: "Discuss at Tuesday's board." },
            { cookie: coordinator.cookie },
          ),
          id,
        ),
      ),
    );
    expect(note).toMatchObject({ status: 302, location: `/queue/${id}?done=note#notes` });
    const empty = await answerOf(
      pageRoute.action(
        pageArgs(
          formRequest(`/queue/${id}`, { intent: "message", body: " " }, { cookie: coordinator.cookie, lng: "ko" }),
          id,
        ),
      ),
    );
    expect(empty).toMatchObject({ status: 400, data: { errors: { messageBody: "내용을 입력한 뒤 보내십시오." } } });
    const message = await answerOf(
      pageRoute.action(
        pageArgs(
          formRequest(
            `/queue/${id}`,
            { intent: "message", body: "Could you send the latest MRI?" },
            { cookie: coordinator.cookie },
          ),
          id,
        ),
      ),
    );
    expect(message.status).toBe(302);
    const page = await answerOf(
      pageRoute.loader(pageArgs(getRequest(`/queue/${id}`, { cookie: coordinator.cookie }), id)),
    );
    expect(page.data.notes).toMatchObject([{ body: "Discuss at Tuesday's board." }]);
    expect(page.data.thread).toMatchObject([
      { kind: "message", body: "Could you send the latest MRI?", fromPhysician: false },
    ]);
    // Audited without their words.
    const audit = (await auditEventsFor(db, "referral", id)).filter(
      (e) => e.action === "referral.note_added" || e.action === "referral.message_sent",
    );
    expect(audit).toHaveLength(2);
    expect(audit.map((e) => e.detail).join("")).not.toMatch(/board|MRI/);
    const [mail] = await mailArrives(1);
    expect(mail!.subject).toMatch(/^New message about referral KQ-/);
    expect(mail!.text).not.toContain("MRI");
  });

  it("never loses a decision because mail fails: the outbox keeps the mail and retries with growing pauses", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "ko");
    const coordinator = await staff(db, "konyang");
    const { id, referenceCode } = await referralAt(db, physician, { site: "konyang", now: new Date() });
    const actor = (await getSessionUserFor(coordinator.cookie))!;
    const now = new Date();
    // Through the service (no route nudging the mailer), with a relay that is down.
    await clinicalDecisionBy(db, id, "konyang", "accept");
    expect(
      await performStaffAction(
        db,
        actor,
        id,
        "accept",
        { note: undefined },
        { now, ip: null, portalUrl: "https://portal.test" },
      ),
    ).toMatchObject({
      ok: true,
    });
    const refused = async () => {
      throw Object.assign(new Error("relay down"), { code: "ECONNREFUSED" });
    };
    expect(await deliverDueMail(db, refused, now)).toEqual({ sent: 0, failed: 1 });
    expect(await findReferral(db, id)).toMatchObject({ status: "accepted" });
    const [waiting] = await mailFor(db, id);
    expect(waiting).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: "ECONNREFUSED",
      next_attempt_at: new Date(now.getTime() + 60_000).toISOString(),
    });
    // Not due yet: nothing is tried again before the pause is over.
    expect(await deliverDueMail(db, refused, new Date(now.getTime() + 30_000))).toEqual({ sent: 0, failed: 0 });
    // The relay is back: the real SMTP sender delivers it.
    const { smtpSender } = await import("~/modules/notifications/mailer.server");
    expect(await deliverDueMail(db, smtpSender()!, new Date(now.getTime() + 61_000))).toEqual({ sent: 1, failed: 0 });
    const [mail] = await capture.waitFor(1);
    expect(mail).toMatchObject({
      language: "ko",
      subject: `의뢰 ${withParticle(referenceCode, "이/가")} 건양대학교병원에서 수락되었습니다`,
    });
    expect(mail!.text).toContain("https://portal.test/referrals/");
    expect((await mailFor(db, id))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("gives a message up after its last retry, without touching the decision", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "en");
    const coordinator = await staff(db, "konyang");
    const { id } = await referralAt(db, physician, { site: "konyang", now: new Date() });
    const actor = (await getSessionUserFor(coordinator.cookie))!;
    let at = new Date();
    await clinicalDecisionBy(db, id, "konyang", "decline");
    await performStaffAction(
      db,
      actor,
      id,
      "decline",
      { reasonCode: "outside_criteria", note: undefined },
      { now: at, ip: null, portalUrl: "https://portal.test" },
    );
    const refused = async () => {
      throw new Error("no");
    };
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      expect((await deliverDueMail(db, refused, at)).failed).toBe(1);
      at = new Date(at.getTime() + 13 * 3_600_000);
    }
    expect((await mailFor(db, id))[0]).toMatchObject({ status: "failed", attempts: 8, last_error: "send_failed" });
    expect(await deliverDueMail(db, refused, at)).toEqual({ sent: 0, failed: 0 });
    expect(await findReferral(db, id)).toMatchObject({ status: "declined" });
  });
});
