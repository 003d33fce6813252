import { describe, expect, it } from "vitest";
import { caseSchema, issuesOf } from "~/domain/case/schema";
import { sectionCase, validateSection } from "./intake-form";
import { sharedCase } from "../../../tests/factories/referrals";

// Issue #17: the opt-in to status e-mails sits with the consents, and the patient's e-mail is asked only with it.
const today = "2026-12-06";
const consents = { "consent.sensitiveData": "true", "consent.informedOfDiagnosis": "true" };

describe("the opt-in to status e-mails", () => {
  it("keeps the e-mail address only when the patient opted in", () => {
    const withOptIn = sectionCase(
      "consent",
      { ...consents, "consent.statusUpdates": "true", "patient.email": "minjun@example.kr" },
      { today },
    );
    expect(withOptIn).toMatchObject({ consent: { statusUpdates: true }, patient: { email: "minjun@example.kr" } });
    const without = sectionCase("consent", { ...consents, "patient.email": "minjun@example.kr" }, { today });
    expect(without).toMatchObject({ consent: { statusUpdates: false } });
    expect(without).not.toHaveProperty("patient");
  });

  it("asks for the address when the patient opted in, and names a malformed one", () => {
    expect(validateSection("consent", { ...consents, "consent.statusUpdates": "true" }, { today })).toEqual([
      { path: "patient.email", key: "intake:validation.required" },
    ]);
    expect(
      validateSection(
        "consent",
        { ...consents, "consent.statusUpdates": "true", "patient.email": "minjun@" },
        { today },
      ),
    ).toEqual([{ path: "patient.email", key: "screen:validation.invalidEmail" }]);
    expect(validateSection("consent", { ...consents }, { today })).toEqual([]);
  });

  it("is part of the case contract: a submission opted in without an address is refused at patient.email", () => {
    const caseData = sharedCase("prostate-localised-kr") as Record<string, unknown> & {
      consent: Record<string, unknown>;
    };
    caseData.consent.statusUpdates = true;
    const parsed = caseSchema.safeParse(caseData);
    expect(parsed.success ? [] : issuesOf(parsed.error).map((i) => [i.path, i.messageKey])).toEqual([
      ["patient.email", "screen:validation.required"],
    ]);
    caseData.consent.statusUpdates = false;
    expect(caseSchema.safeParse(caseData).success).toBe(true);
  });
});
