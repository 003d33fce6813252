import { describe, expect, it, vi } from "vitest";

// A real SMTP server on a random local port, configured before any module reads the environment.
const capture = await vi.hoisted(async () => (await import("../../../tests/factories/mail")).captureMailForPortal());

import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { mailFor } from "~/modules/notifications/outbox.repository.server";
import { findReferral, referralEvents } from "~/modules/referrals/referrals.repository.server";
import { transitionReferral } from "~/modules/referrals/referrals.service.server";
import { getDb } from "~/utils/db.server";
import { answerOf } from "../../../tests/factories/accounts";
import { clinicalDecisionBy } from "../../../tests/factories/clinical";
import { referralAt } from "../../../tests/factories/queue";
import {
  inDays,
  physicianIn,
  post,
  staff,
  freshQueuesAndMailbox,
  postToPage,
  referralAtKonyang,
  openPage,
  openStep,
} from "../../../tests/factories/staff-referral";

describe("the staff referral page: the workflow from triage to a booked consultation", () => {
  const { mailArrives } = freshQueuesAndMailbox(capture);

  it("claims, requests information (clock pauses, physician mailed in Japanese), resumes on the answer, accepts and schedules", async () => {
    const { db, physician, coordinator, id, referenceCode } = await referralAtKonyang("ja", {
      base: "icc-ecog-missing",
      patient: "ko2",
      now: new Date(Date.now() - 2 * 86_400_000),
    });

    const claimed = await postToPage(id, { intent: "claim" }, coordinator.cookie);
    expect(claimed).toMatchObject({ status: 302, location: `/queue/${id}?done=claim` });
    expect(await findReferral(db, id)).toMatchObject({ status: "in_review", assignee_id: coordinator.id });

    const form = await openStep(id, "request-info", { cookie: coordinator.cookie });
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
          ...when.fields,
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
    const history = await openPage(id, { cookie: coordinator.cookie, lng: "ko" });
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

    const warned = await openStep(notEligible.id, "accept", { cookie: reviewer.cookie });
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

    const page = await openPage(likely.id, { cookie: reviewer.cookie, lng: "en" });
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
});
