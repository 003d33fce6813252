import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { auditSentence, type AuditEventRow } from "./audit-words";

const sites = {
  konyang: { ko: "건양대학교병원", ja: "建陽大学校病院", en: "Konyang University Hospital" },
  qst: { ko: "QST 병원", ja: "QST病院", en: "QST Hospital" },
};

const row = (action: string, subject: Partial<AuditEventRow>, detail: Record<string, unknown>): AuditEventRow => ({
  seq: 1,
  occurred_at: "2026-12-01T00:00:00.000Z",
  actor_user_id: "a",
  actor_role: "admin",
  action,
  subject_type: "user",
  subject_id: "v",
  detail: JSON.stringify(detail),
  ip: null,
  actor_email: "admin@hospital.test",
  actor_family_name: "정",
  actor_given_name: "해인",
  subject_reference_code: null,
  subject_family_name: "이",
  subject_given_name: "수진",
  ...subject,
});

describe("staff-exchange events in words", () => {
  const granted = row("staff_exchange.granted", {}, { hostSite: "qst", from: "2026-12-10", to: "2026-12-12" });

  it("name the host site and the grant's days in the reader's language", () => {
    expect(auditSentence(granted, "en", tFor("en"), sites)).toBe(
      "정해인 gave 이수진 access to QST Hospital as a visiting member of its team from 10 December 2026 to 12 December 2026.",
    );
    expect(auditSentence(granted, "ko", tFor("ko"), sites)).toBe(
      "정해인 님이 이수진에게 2026년 12월 10일부터 2026년 12월 12일까지 QST 병원 팀의 교류 근무 권한을 부여했습니다.",
    );
    expect(auditSentence(granted, "ja", tFor("ja"), sites)).toContain(
      "2026年12月10日から2026年12月12日までQST病院のチーム",
    );
  });

  it("say which site the visitor began working for", () => {
    const acting = row(
      "staff_exchange.acting_for_host",
      {
        actor_role: "coordinator",
        actor_family_name: "이",
        actor_given_name: "수진",
        subject_type: "site",
        subject_id: "qst",
      },
      { homeSite: "konyang" },
    );
    expect(auditSentence(acting, "ja", tFor("ja"), sites)).toBe(
      "이수진さんが職員交流によりQST病院での業務を開始しました。",
    );
  });
});

describe("an action without a sentence of its own", () => {
  it("reads the generic sentence: who, the action's code, and the subject", () => {
    const unknown = row("made_up.action", {}, {});
    const sentence = auditSentence(unknown, "en", tFor("en"), sites);
    expect(sentence).toMatch(/^.*정해인.*: made_up\.action \(.+\)$/);
    expect(
      auditSentence(row("staff_exchange.granted", {}, { hostSite: "qst" }), "en", tFor("en"), sites),
    ).not.toContain("staff_exchange.granted");
  });
});
