import { describe, expect, it } from "vitest";
import type { ReferralCase } from "~/domain/case/schema";
import { tFor } from "~/i18n/i18n.server";
import { languages } from "~/i18n/config";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { deliverDueMail, type OutgoingMail } from "~/modules/notifications/mailer.server";
import { mailFor } from "~/modules/notifications/outbox.repository.server";
import { submitReferral, transitionReferral } from "~/modules/referrals/referrals.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { sharedCase } from "../../../tests/factories/referrals";
import { PATIENT_STATUS_MAIL } from "./channels.server";
import { composeStatusEmail, notifiedStages, stageToNotify } from "./patient-notice";
import { stopNotices, stopState, UNSUBSCRIBE_PATH } from "./patient-notifications.service.server";

// Thursday 2026-11-26, 10:00 in Korea.
const t0 = new Date("2026-11-26T01:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const PATIENT_EMAIL = "minjun.kim@example.kr";

function optedInCase(name = "prostate-localised-kr", optIn = true, email = PATIENT_EMAIL): ReferralCase {
  const caseData = sharedCase(name);
  caseData.patient.email = email;
  caseData.consent.statusUpdates = optIn;
  return caseData;
}

/** A referral submitted by a Korean physician, and a coordinator of the site it went to, to move it along. */
async function referral(db: Database, caseData: ReferralCase) {
  const physician = await createAccount(db, { role: "physician" });
  const submitted = await submitReferral(db, { physician: { id: physician.id, country: "KR" }, caseData, now: t0 });
  const coordinator = await createAccount(db, {
    role: "coordinator",
    site: submitted.record.decision.route.site ?? "konyang",
  });
  const move = async (
    action: Parameters<typeof transitionReferral>[1]["action"],
    minutes: number,
    extra: { reasonCode?: string; data?: Record<string, unknown>; caseData?: ReferralCase } = {},
  ) => {
    const actor =
      action === "answer_info" || action === "withdraw"
        ? { id: physician.id, role: "physician" as const }
        : { id: coordinator.id, role: "coordinator" as const };
    const result = await transitionReferral(db, {
      referralId: submitted.id,
      actor,
      action,
      now: at(minutes),
      ...extra,
    });
    expect(result.ok).toBe(true);
  };
  return { ...submitted, caseData, move };
}

const patientMail = async (db: Database, referralId: string) =>
  (await mailFor(db, referralId)).filter((m) => m.kind === PATIENT_STATUS_MAIL);
const unsubscribeToken = (body: string) => new RegExp(`${UNSUBSCRIBE_PATH}/([A-Za-z0-9_-]+)`).exec(body)?.[1] ?? "";
/** The words a reader sees: the random unsubscribe token can spell "PSA" or "C61" by chance, so it is set aside. */
const readableWords = (body: string) => body.replace(new RegExp(`(${UNSUBSCRIBE_PATH}/)[A-Za-z0-9_-]+`, "g"), "$1…");

/** Every word that would tell a reader what the patient has, or why a team decided: none may be in a notice. */
function healthWords(lng: (typeof languages)[number]): string[] {
  const screen = tFor(lng, ["screen", "queue"]);
  const indications = ["prostate", "hcc", "pancreas", "head_neck", "lung", "bone_soft_tissue"].map((code) =>
    screen(`screen:indications.${code}`),
  );
  const reasons = ["outside_criteria", "not_fit_for_treatment", "alternative_recommended"].map((code) =>
    screen(`queue:declineReasons.${code}`),
  );
  const plain = {
    ko: ["암", "전립선", "탄소", "중입자", "진단"],
    ja: ["がん", "癌", "前立腺", "重粒子", "診断"],
    en: ["cancer", "prostate", "carbon", "diagnosis", "tumour"],
  }[lng];
  return [...indications, ...reasons, ...plain, "C61", "Gleason", "PSA"];
}

describe("what a patient's notice says", () => {
  it("tells of the six changes the patient sees, a booking made again, and nothing else", () => {
    expect(stageToNotify(null, "triage", "route")).toBe("received");
    expect(stageToNotify("triage", "info_requested", "request_info")).toBe("info_requested");
    expect(stageToNotify("info_requested", "triage", "answer_info")).toBe("received");
    expect(stageToNotify("in_review", "accepted", "accept")).toBe("accepted");
    expect(stageToNotify("accepted", "consultation_scheduled", "schedule")).toBe("consultation_scheduled");
    expect(stageToNotify("consultation_scheduled", "consultation_scheduled", "schedule")).toBe(
      "consultation_scheduled",
    );
    expect(stageToNotify("in_review", "declined", "decline")).toBe("declined");
    expect(stageToNotify("declined", "closed", "close")).toBe("closed");
    expect(stageToNotify("accepted", "withdrawn", "withdraw")).toBe("closed");
    // Inside the review: no e-mail (the status page shows them).
    expect(stageToNotify("triage", "in_review", "claim")).toBeNull();
    expect(stageToNotify("in_review", "in_review", "assign")).toBeNull();
    expect(stageToNotify("in_review", "redirected", "redirect")).toBeNull();
  });

  it("never names a diagnosis, a reason, the code or the birth date, in any language, at any stage", () => {
    for (const lng of languages) {
      const t = tFor(lng, ["patient-notices", "status"]);
      for (const stage of notifiedStages) {
        const notice = composeStatusEmail(
          stage,
          { status: "https://portal.example/status", unsubscribe: "https://portal.example/status/stop-emails/abc" },
          t,
        );
        const all = `${notice.subject}\n${notice.text}`;
        for (const word of healthWords(lng)) expect(all, `${lng} ${stage}: ${word}`).not.toContain(word);
        expect(notice.text).toContain(t(`status:stages.${stage}.headline`));
        expect(notice.text).toContain("https://portal.example/status\n");
        expect(notice.text).not.toMatch(/KQ-|\d{4}-\d{2}-\d{2}/);
      }
    }
  });
});

describe("patient notifications through the outbox", () => {
  it("queues an e-mail in the patient's language at each visible change of a triage journey, with the status link and no health detail", async () => {
    const db = await getDb();
    const r = await referral(db, optedInCase());
    await r.move("claim", 10); // being reviewed: no e-mail
    await r.move("request_info", 20, { data: { documents: ["pathology_report"], fields: ["clinical.ecog"] } });
    const answered = structuredClone(r.caseData);
    answered.clinical = { ...answered.clinical, ecog: 1 };
    await r.move("answer_info", 30, { caseData: answered });
    await r.move("accept", 40);
    await r.move("schedule", 50, { data: { date: "2026-12-17", time: "10:30", place: "Radiation Oncology, 2F" } });
    await r.move("schedule", 60, { data: { date: "2026-12-18", time: "10:30", place: "Radiation Oncology, 2F" } });
    await r.move("close", 70);

    const mails = await patientMail(db, r.id);
    const ko = tFor("ko", ["patient-notices", "status"]);
    const headline = (stage: string) => ko(`status:stages.${stage}.headline`);
    expect(
      mails.map((m) =>
        m.body_text.split("\n").find((line) => line.startsWith(ko("patient-notices:email.statusNow", { status: "" }))),
      ),
    ).toEqual(
      [
        "received",
        "info_requested",
        "received",
        "accepted",
        "consultation_scheduled",
        "consultation_scheduled",
        "closed",
      ].map((s) => ko("patient-notices:email.statusNow", { status: headline(s) })),
    );
    for (const mail of mails) {
      expect(mail).toMatchObject({
        to_address: PATIENT_EMAIL,
        language: "ko",
        subject: "진료 의뢰 진행 상황이 바뀌었습니다",
        status: "pending",
      });
      expect(mail.body_text).toContain("http://localhost:3000/status\n");
      for (const word of [
        ...healthWords("ko"),
        r.referenceCode,
        r.caseData.patient.birthDate,
        "민준",
        "ECOG",
        "Radiation Oncology",
        "2026-12-1",
      ])
        expect(readableWords(mail.body_text)).not.toContain(word);
    }
    // Each e-mail carries its own unsubscribe token; the database keeps only their hashes.
    const tokens = mails.map((m) => unsubscribeToken(m.body_text));
    expect(new Set(tokens).size).toBe(mails.length);
    const stored = await db
      .selectFrom("patient_notification_tokens")
      .select("token_hash")
      .where("referral_id", "=", r.id)
      .execute();
    expect(stored).toHaveLength(mails.length);
    for (const token of tokens) expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it("tells a patient their referral was not accepted without the reason, and a Japanese patient in Japanese", async () => {
    const db = await getDb();
    const caseData = optedInCase("hcc-child-pugh-c");
    const r = await referral(db, caseData);
    await r.move("decline", 10, { reasonCode: "not_fit_for_treatment" });
    const mails = await patientMail(db, r.id);
    expect(mails.map((m) => m.language)).toEqual(["ja", "ja"]);
    const ja = tFor("ja", ["patient-notices", "status", "queue"]);
    expect(mails[1]!.body_text).toContain(ja("status:stages.declined.headline"));
    expect(mails[1]!.body_text).toContain(ja("patient-notices:stages.declined"));
    for (const word of [...healthWords("ja"), ja("queue:declineReasons.not_fit_for_treatment")])
      expect(readableWords(mails[1]!.body_text)).not.toContain(word);
  });

  it("sends nothing to a patient who did not opt in, even with an address in the case", async () => {
    const db = await getDb();
    const r = await referral(db, optedInCase("prostate-localised-kr", false));
    await r.move("accept", 10);
    expect(await patientMail(db, r.id)).toEqual([]);
  });

  it("delivers through the outbox with its retries: a failed send waits and is tried again", async () => {
    const db = await getDb();
    const address = "retry.patient@example.kr";
    const r = await referral(db, optedInCase("prostate-localised-kr", true, address));
    const sent: OutgoingMail[] = [];
    // A relay that refuses the first time (a system outside the portal), then accepts.
    let refusals = 1;
    const relay = async (mail: OutgoingMail) => {
      if (refusals-- > 0) throw Object.assign(new Error("relay down"), { code: "ECONNREFUSED" });
      sent.push(mail);
    };
    // Only this referral's patient: other tests' mail in this database goes through untouched.
    const patientOnly = (send: typeof relay) => async (mail: OutgoingMail) =>
      mail.to === address ? send(mail) : undefined;
    expect(await deliverDueMail(db, patientOnly(relay), at(1))).toMatchObject({ failed: 1 });
    expect((await patientMail(db, r.id))[0]).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: "ECONNREFUSED",
    });
    expect(await deliverDueMail(db, patientOnly(relay), at(1.5))).toMatchObject({ sent: 0, failed: 0 }); // still waiting
    await deliverDueMail(db, patientOnly(relay), at(3));
    expect(sent).toEqual([
      expect.objectContaining({ to: address, language: "ko", subject: "진료 의뢰 진행 상황이 바뀌었습니다" }),
    ]);
    expect((await patientMail(db, r.id))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("one-link unsubscribe", () => {
  it("stops further e-mails with any e-mail's token, no sign-in, recorded once in the audit log", async () => {
    const db = await getDb();
    const r = await referral(db, optedInCase());
    await r.move("request_info", 10, { data: { documents: ["pathology_report"] } });
    const [first] = await patientMail(db, r.id);
    const token = unsubscribeToken(first!.body_text);
    expect(await stopState(db, token)).toEqual({ kind: "active", language: "ko" });

    expect(await stopNotices(db, token, { now: at(20), ip: "203.0.113.7" })).toEqual({
      kind: "stopped",
      language: "ko",
    });
    expect(await stopState(db, token)).toEqual({ kind: "stopped", language: "ko" });
    // A second click changes nothing and records nothing more.
    await stopNotices(db, token, { now: at(21), ip: "203.0.113.7" });
    const stops = (await auditEventsFor(db, "referral", r.id)).filter((e) => e.action === "patient_notice.stopped");
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({ actor_user_id: null, ip: "203.0.113.7" });
    expect(JSON.parse(stops[0]!.detail)).toEqual({ channel: "email" });

    const before = (await patientMail(db, r.id)).length;
    const answered = structuredClone(r.caseData);
    answered.clinical = { ...answered.clinical, ecog: 1 };
    await r.move("answer_info", 30, { caseData: answered });
    await r.move("accept", 40);
    expect(await patientMail(db, r.id)).toHaveLength(before);
  });

  it("opens nothing with a token it does not know", async () => {
    const db = await getDb();
    for (const token of ["", "short", "x".repeat(43), "../../etc/passwd", "a".repeat(500)]) {
      expect(await stopState(db, token)).toEqual({ kind: "unknown" });
      expect(await stopNotices(db, token, { now: t0, ip: null })).toEqual({ kind: "unknown" });
    }
  });
});
