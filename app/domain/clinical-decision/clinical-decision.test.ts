import { describe, expect, it } from "vitest";
import { canRecordClinicalDecision, checkSignoff } from "./clinical-decision";

describe("clinical sign-off", () => {
  it("asks accept and decline for an agreeing clinical decision when the site requires one", () => {
    expect(checkSignoff("accept", true, null)).toEqual({ ok: false, code: "clinical_decision_required" });
    expect(checkSignoff("decline", true, { recommendation: "accept" })).toEqual({
      ok: false,
      code: "clinical_decision_differs",
      recommendation: "accept",
    });
    expect(checkSignoff("decline", true, { recommendation: "decline" })).toEqual({ ok: true });
    expect(checkSignoff("accept", true, { recommendation: "accept" })).toEqual({ ok: true });
  });

  it("leaves other actions, and sites without the setting, alone", () => {
    expect(checkSignoff("redirect", true, null)).toEqual({ ok: true });
    expect(checkSignoff("request_info", true, null)).toEqual({ ok: true });
    expect(checkSignoff("accept", false, null)).toEqual({ ok: true });
    expect(checkSignoff("decline", false, { recommendation: "accept" })).toEqual({ ok: true });
  });

  it("lets only reviewers record, while the site still has a decision to make", () => {
    expect(canRecordClinicalDecision("in_review", "reviewer")).toBe(true);
    expect(canRecordClinicalDecision("info_requested", "reviewer")).toBe(true);
    expect(canRecordClinicalDecision("in_review", "coordinator")).toBe(false);
    expect(canRecordClinicalDecision("accepted", "reviewer")).toBe(false);
    expect(canRecordClinicalDecision("draft", "reviewer")).toBe(false);
  });
});
