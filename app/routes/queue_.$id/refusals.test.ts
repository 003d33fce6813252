import { describe, expect, it, vi } from "vitest";

// A real SMTP server on a random local port, configured before any module reads the environment.
const capture = await vi.hoisted(async () => (await import("../../../tests/factories/mail")).captureMailForPortal());

import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { answerOf, getRequest } from "../../../tests/factories/accounts";
import { clinicalDecisionBy } from "../../../tests/factories/clinical";
import * as queueRoute from "../queue/route";
import { withParticle } from "~/i18n/korean-particle";
import {
  inDays,
  post,
  staff,
  freshQueuesAndMailbox,
  referralAtKonyang,
  openPage,
  openStep,
} from "../../../tests/factories/staff-referral";

describe("the staff referral page: refusals and redirects", () => {
  const { mailArrives } = freshQueuesAndMailbox(capture);

  it("refuses what the workflow forbids with a translated 409, and a redirect abroad without consent in words", async () => {
    const { db, coordinator, id } = await referralAtKonyang("ko");

    // Scheduling before accepting: the page says why, and a forced post is a 409 with words, never a 500.
    const page = await openStep(id, "schedule", { cookie: coordinator.cookie });
    expect(page.data.available).toBe(false);
    const when = inDays(7);
    const forced = await answerOf(
      post(
        id,
        "schedule",
        {
          ...when.fields,
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
    const warned = await openStep(id, "redirect", { cookie: coordinator.cookie, lng: "en" });
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
          ...past.fields,
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
    const { db, coordinator, id, referenceCode } = await referralAtKonyang("ko", { crossBorder: true });
    const qst = await staff(db, "qst");
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
    expect((await openPage(id, { cookie: coordinator.cookie })).status).toBe(404);
    expect((await openPage(id, { cookie: qst.cookie })).data.status).toBe("redirected");
    const [mail] = await mailArrives(1);
    expect(mail).toMatchObject({
      language: "ko",
      subject: `의뢰 ${withParticle(referenceCode, "이/가")} QST 병원으로 이송되었습니다`,
    });
    expect(mail!.text).toContain("사유: 중입자선 치료 자체는 상대 기관에서 시행함.");
  });
});
