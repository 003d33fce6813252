import { describe, expect, it } from "vitest";
import { caseFromForm, parsePrecheck, relevantPaths } from "./precheck-form";

describe("the pre-check form", () => {
  it("asks, per indication, exactly what its criteria read", () => {
    const prostate = relevantPaths("prostate");
    expect([...prostate]).toEqual(
      expect.arrayContaining(["diagnosis.psaNgMl", "diagnosis.gleasonScore", "diagnosis.tnm.t", "diagnosis.tnm.n"]),
    );
    expect(prostate.has("diagnosis.childPugh")).toBe(false);
    expect(prostate.has("diagnosis.resectable")).toBe(false); // no "surgery difficult" condition for prostate
    expect(prostate.has("clinical.pregnant")).toBe(false);
    expect([...relevantPaths("hcc")]).toEqual(
      expect.arrayContaining(["diagnosis.childPugh", "diagnosis.ascites", "diagnosis.resectable"]),
    );
    expect(relevantPaths("head_neck").has("diagnosis.subsite")).toBe(true);
    expect(relevantPaths("colorectal_recurrence").has("diagnosis.anastomoticRecurrence")).toBe(true);
    expect(relevantPaths("lung").has("diagnosis.stage")).toBe(true);
    // Routing questions and the referral date are always asked; without an indication, only what every one asks.
    for (const path of [
      "referredOn",
      "patient.residenceCountry",
      "preferences.site",
      "consent.crossBorder",
      "clinical.ecog",
    ]) {
      expect(relevantPaths(null).has(path)).toBe(true);
    }
    expect(relevantPaths(null).has("diagnosis.psaNgMl")).toBe(false);
  });

  it("turns answers into a case: yes/no to booleans, not known left out, numbers from any digits", () => {
    const { draft, issues } = caseFromForm({
      "diagnosis.indication": "prostate",
      "diagnosis.histologicallyConfirmed": "yes",
      "diagnosis.haematological": "unknown",
      "diagnosis.psaNgMl": "１２.５",
      "diagnosis.gleasonScore": "7",
      "diagnosis.childPugh": "C",
      "clinical.ecog": "2",
      "clinical.pregnant": "yes",
      "patient.residenceCountry": "kr",
      "referredOn.year": "2026",
      "referredOn.month": "11",
      "referredOn.day": "20",
    });
    expect(issues).toEqual([]);
    expect(draft).toEqual({
      diagnosis: { indication: "prostate", histologicallyConfirmed: true, psaNgMl: 12.5, gleasonScore: 7 },
      clinical: { ecog: 2 },
      patient: { residenceCountry: "KR" },
      referredOn: "2026-11-20",
    });
  });

  it("reports what is not a number and what the schema refuses, in the form's order", () => {
    const parsed = parsePrecheck({
      "diagnosis.indication": "hcc",
      "diagnosis.maxDiameterMm": "4o",
      "diagnosis.childPugh": "D",
      referredOn: "2026-13-01",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.path, i.messageKey])).toEqual([
      ["referredOn", "screen:validation.invalidDate"],
      ["diagnosis.maxDiameterMm", "screen:validation.invalidNumber"],
      ["diagnosis.childPugh", "screen:validation.invalidChoice"],
    ]);
  });
});
