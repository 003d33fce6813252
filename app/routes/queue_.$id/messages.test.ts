import { describe, expect, it, vi } from "vitest";

// A real SMTP server on a random local port, configured before any module reads the environment.
const capture = await vi.hoisted(async () => (await import("../../../tests/factories/mail")).captureMailForPortal());

import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { deliverDueMail } from "~/modules/notifications/mailer.server";
import { mailFor } from "~/modules/notifications/outbox.repository.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { performStaffAction } from "~/modules/queue/triage.service.server";
import { clinicalDecisionBy } from "../../../tests/factories/clinical";
import { withParticle } from "~/i18n/korean-particle";
import {
  getSessionUserFor,
  freshQueuesAndMailbox,
  postToPage,
  referralAtKonyang,
  openPage,
} from "../../../tests/factories/staff-referral";

describe("the staff referral page: notes, messages and the mail that carries them", () => {
  const { mailArrives } = freshQueuesAndMailbox(capture);

  it("keeps internal notes to staff and sends messages to the physician with a mail that carries no text", async () => {
    const { db, coordinator, id } = await referralAtKonyang("en");
    const note = await postToPage(id, { intent: "note", body: "Discuss at Tuesday's board." }, coordinator.cookie);
    expect(note).toMatchObject({ status: 302, location: `/queue/${id}?done=note#notes` });
    const empty = await postToPage(id, { intent: "message", body: " " }, coordinator.cookie, "ko");
    expect(empty).toMatchObject({ status: 400, data: { errors: { messageBody: "내용을 입력한 뒤 보내십시오." } } });
    const message = await postToPage(
      id,
      { intent: "message", body: "Could you send the latest MRI?" },
      coordinator.cookie,
    );
    expect(message.status).toBe(302);
    const page = await openPage(id, { cookie: coordinator.cookie });
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
    const { db, coordinator, id, referenceCode } = await referralAtKonyang("ko");
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
    const { db, coordinator, id } = await referralAtKonyang("en");
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
