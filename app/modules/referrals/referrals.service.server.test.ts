import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { getDb } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { sharedCase } from "../../../tests/factories/referrals";
import { findReferral, referralEvents, referralScreens } from "./referrals.repository.server";
import { submitReferral, transitionReferral } from "./referrals.service.server";

// Thursday 2026-11-19, 10:00 in Korea.
const submittedAt = new Date("2026-11-19T01:00:00Z");
const later = (days: number) => new Date(submittedAt.getTime() + days * 86_400_000);

describe("referral core", () => {
  it("submits, screens, routes, codes and starts the clock in one go", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const result = await submitReferral(db, {
      physician: { id: physician.id, country: "KR" },
      caseData: sharedCase("prostate-localised-kr"),
      now: submittedAt,
    });

    expect(result.referenceCode).toMatch(/^KQ-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const row = await findReferral(db, result.id);
    expect(row).toMatchObject({
      status: "triage",
      site_code: "konyang",
      screen_outcome: "likely_eligible",
      clock_running_since: "2026-11-19",
      patient_birth_date: "1958-03-14",
    });
    // 10 Korean working days from Thursday 19 November 2026.
    expect(row?.clock_due_on).toBe("2026-12-03");
    expect((await referralEvents(db, result.id)).map((e) => `${e.action}:${e.to_status}`)).toEqual([
      "submit:submitted",
      "route:triage",
    ]);
    const [screenRow] = await referralScreens(db, result.id);
    expect(screenRow).toMatchObject({ outcome: "likely_eligible", ruleset_version: "kq-2026-12" });
    expect(JSON.parse(screenRow!.site_config_versions)).toEqual({ konyang: 1, qst: 1 });
  });

  it("walks claim → request info (clock pauses) → answer (resumes) → accept (stops) → schedule", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const coordinator = await createAccount(db, { role: "coordinator", site: "konyang" });
    const { id } = await submitReferral(db, {
      physician: { id: physician.id, country: "KR" },
      caseData: sharedCase("icc-ecog-missing"),
      now: submittedAt,
    });
    const staff = { id: coordinator.id, role: "coordinator" as const };

    expect(
      await transitionReferral(db, { referralId: id, actor: staff, action: "claim", now: later(1) }),
    ).toMatchObject({ ok: true, referral: { status: "in_review", assignee_id: coordinator.id } });
    // Monday 23 November: two working days used (Fri 20, Mon 23).
    const paused = await transitionReferral(db, {
      referralId: id,
      actor: staff,
      action: "request_info",
      note: "ECOG?",
      data: { fields: ["clinical.ecog"] },
      now: later(4),
    });
    expect(paused).toMatchObject({
      ok: true,
      referral: { status: "info_requested", clock_used_days: 2, clock_running_since: null },
    });

    const answered = await transitionReferral(db, {
      referralId: id,
      actor: { id: physician.id, role: "physician" },
      action: "answer_info",
      now: later(7),
    });
    expect(answered).toMatchObject({
      ok: true,
      referral: { status: "triage", clock_used_days: 2, clock_running_since: "2026-11-26" },
    });

    const accepted = await transitionReferral(db, { referralId: id, actor: staff, action: "accept", now: later(8) });
    expect(accepted).toMatchObject({
      ok: true,
      referral: { status: "accepted", clock_used_days: 3, clock_running_since: null },
    });
    const scheduled = await transitionReferral(db, {
      referralId: id,
      actor: staff,
      action: "schedule",
      data: { date: "2026-12-10", time: "10:30" },
      now: later(9),
    });
    expect(scheduled).toMatchObject({ ok: true, referral: { status: "consultation_scheduled" } });
    expect(JSON.parse((await findReferral(db, id))!.consultation_json!)).toEqual({ date: "2026-12-10", time: "10:30" });
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("refuses illegal moves and a redirect abroad without cross-border consent", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const coordinator = await createAccount(db, { role: "coordinator", site: "konyang" });
    const staff = { id: coordinator.id, role: "coordinator" as const };
    const { id } = await submitReferral(db, {
      physician: { id: physician.id, country: "KR" },
      caseData: sharedCase("pancreas-kr-prefers-qst-no-consent"),
      now: submittedAt,
    });

    expect(await transitionReferral(db, { referralId: id, actor: staff, action: "schedule", now: later(1) })).toEqual({
      ok: false,
      code: "illegal_transition",
    });
    expect(
      await transitionReferral(db, {
        referralId: id,
        actor: staff,
        action: "redirect",
        reasonCode: "capacity",
        now: later(1),
      }),
    ).toEqual({ ok: false, code: "no_cross_border_consent" });
    expect((await findReferral(db, id))?.site_code).toBe("konyang");

    const consented = await submitReferral(db, {
      physician: { id: physician.id, country: "KR" },
      caseData: sharedCase("prostate-localised-kr"),
      now: submittedAt,
    });
    const caseWithConsent = sharedCase("prostate-localised-kr");
    caseWithConsent.consent.crossBorder = true;
    const second = await submitReferral(db, {
      physician: { id: physician.id, country: "KR" },
      caseData: caseWithConsent,
      now: submittedAt,
    });
    expect(
      await transitionReferral(db, {
        referralId: second.id,
        actor: staff,
        action: "redirect",
        reasonCode: "capacity",
        now: later(1),
      }),
    ).toMatchObject({ ok: true, referral: { status: "redirected", site_code: "qst" } });
    expect(consented.id).not.toBe(second.id);
  });

  it("starts the receiving site's clock when a referral is redirected, and its decision stops it", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const konyang = {
      id: (await createAccount(db, { role: "coordinator", site: "konyang" })).id,
      role: "coordinator" as const,
    };
    const qst = {
      id: (await createAccount(db, { role: "coordinator", site: "qst" })).id,
      role: "coordinator" as const,
    };
    const urgent = sharedCase("prostate-localised-kr");
    urgent.consent.crossBorder = true;
    urgent.urgency = "urgent";
    const { id } = await submitReferral(db, {
      physician: { id: physician.id, country: "KR" },
      caseData: urgent,
      now: submittedAt,
    });

    // Monday 23 November at Konyang: two working days used there (Fri 20, Mon 23).
    const moved = await transitionReferral(db, {
      referralId: id,
      actor: konyang,
      action: "redirect",
      reasonCode: "capacity",
      now: later(4),
    });
    // QST's clock starts on arrival with the full urgent target of 3 Japanese working days (Tue 24 … Thu 26).
    expect(moved).toMatchObject({
      ok: true,
      referral: {
        status: "redirected",
        site_code: "qst",
        clock_used_days: 0,
        clock_running_since: "2026-11-23",
        clock_due_on: "2026-11-26",
      },
    });
    const redirect = (await referralEvents(db, id)).find((e) => e.action === "redirect");
    expect(JSON.parse(redirect!.data)).toMatchObject({ clockUsedDays: 2 });

    // QST asks for information (pause), the physician answers (resume), QST accepts (stop, with QST's own days).
    await transitionReferral(db, { referralId: id, actor: qst, action: "request_info", note: "PSA?", now: later(5) });
    const answered = await transitionReferral(db, {
      referralId: id,
      actor: { id: physician.id, role: "physician" },
      action: "answer_info",
      now: later(6),
    });
    expect(answered).toMatchObject({ ok: true, referral: { clock_used_days: 1, clock_running_since: "2026-11-25" } });
    const accepted = await transitionReferral(db, { referralId: id, actor: qst, action: "accept", now: later(7) });
    expect(accepted).toMatchObject({
      ok: true,
      referral: { status: "accepted", clock_used_days: 2, clock_running_since: null, clock_due_on: null },
    });
    expect((await findReferral(db, id))!.first_decision_at).toBe(later(4).toISOString());
  });
});
