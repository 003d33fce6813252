import { storedReferral } from "../../../tests/factories/referrals";
import { toReferral } from "~/modules/referrals/referral.mapper.server";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { findReferral, referralEvents, referralScreens } from "~/modules/referrals/referrals.repository.server";
import { transitionReferral } from "~/modules/referrals/referrals.service.server";
import { getDb } from "~/utils/db.server";
import { signedIn, submitFilledDraft } from "../../../tests/factories/intake";
import { answerRequest, caseOf, createDraft, withdrawReferral } from "./intake.service.server";

const now = new Date("2026-11-26T01:00:00Z");

describe("after submission", () => {
  async function submitted() {
    const db = await getDb();
    const { user } = await signedIn(db);
    const coordinator = await signedIn(db, { role: "coordinator", site: "konyang" });
    const id = await createDraft(db, { user, now });
    await submitFilledDraft(db, user, id, now);
    return { db, user, coordinator: coordinator.user, id };
  }

  it("answers a request for information: the requested fields change, the case is screened again, back to triage", async () => {
    const { db, user, coordinator, id } = await submitted();
    await transitionReferral(db, {
      referralId: id,
      actor: { id: coordinator.id, role: "coordinator" },
      action: "request_info",
      note: "Gleason?",
      data: { fields: ["diagnosis.gleasonScore", "clinical.ecog"], documents: ["pathology_report"] },
      now: new Date(now.getTime() + 3_600_000),
    });
    const waiting = (await findReferral(db, id))!;
    expect(waiting.status).toBe("info_requested");
    // The physician's answer two hours after the request: the requested values and a reply.
    const answerWith = (values: Record<string, string>, reply: string) =>
      answerRequest(db, {
        user,
        referral: toReferral(waiting),
        values,
        reply,
        now: new Date(now.getTime() + 7_200_000),
      });

    // An answer that breaks the case is refused, with the field named.
    const bad = await answerWith({ "diagnosis.gleasonScore": "11", "clinical.ecog": "3" }, "");
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid",
      issues: [{ path: "diagnosis.gleasonScore", key: "screen:validation.tooBig" }],
    });
    const rrn = await answerWith({ "diagnosis.gleasonScore": "8", "clinical.ecog": "3" }, "주민번호 580314-1234567");
    expect(rrn).toMatchObject({ ok: false, issues: [{ path: "reply", key: "intake:validation.rrn" }] });

    const ok = await answerWith(
      { "diagnosis.gleasonScore": "8", "clinical.ecog": "3", "diagnosis.psaNgMl": "999" },
      "Gleason 4+4, ECOG 3.",
    );
    expect(ok).toEqual({ ok: true });
    const row = (await findReferral(db, id))!;
    expect(row.status).toBe("triage");
    // Only the requested fields changed (PSA was not asked for); the new ECOG makes it not eligible.
    expect(caseOf(toReferral(row))).toMatchObject({
      diagnosis: { gleasonScore: 8, psaNgMl: 8.2 },
      clinical: { ecog: 3 },
    });
    expect(row.screen_outcome).toBe("not_eligible");
    expect((await referralScreens(db, id)).map((s) => s.outcome)).toEqual(["likely_eligible", "not_eligible"]);
    const answer = (await referralEvents(db, id)).at(-1)!;
    expect(answer).toMatchObject({
      action: "answer_info",
      note: "Gleason 4+4, ECOG 3.",
      from_status: "info_requested",
      to_status: "triage",
    });
    expect(JSON.parse(answer.data)).toMatchObject({ fields: ["diagnosis.gleasonScore", "clinical.ecog"] });
  });

  it("withdraws with a reason, and not twice", async () => {
    const { db, user, id } = await submitted();
    const referral = await storedReferral(db, id);
    expect(await withdrawReferral(db, { user, referral, reasonCode: "", note: "", now })).toMatchObject({
      ok: false,
      issues: [{ path: "reasonCode" }],
    });
    expect(await withdrawReferral(db, { user, referral, reasonCode: "other", note: "", now })).toMatchObject({
      ok: false,
      issues: [{ path: "note" }],
    });
    expect(await withdrawReferral(db, { user, referral, reasonCode: "treated_elsewhere", note: "", now })).toEqual({
      ok: true,
    });
    expect((await findReferral(db, id))!.status).toBe("withdrawn");
    expect(
      await withdrawReferral(db, {
        user,
        referral: await storedReferral(db, id),
        reasonCode: "duplicate",
        note: "",
        now,
      }),
    ).toEqual({ ok: false, code: "not_open" });
    expect(await verifyAuditChain(db)).toBeNull();
  });
});
