import { describe, expect, it } from "vitest";
import { baseCase, withField, withFields } from "../case/fixtures";
import { indications, type ScreenCase } from "../case/schema";
import { criteriaFor, evaluate, indicationsOf } from "./evaluate";
import { jp2024_06 } from "./rulesets/jp-2024-06";

function result(c: ScreenCase, id: string) {
  return evaluate(c, jp2024_06).criteria.find((r) => r.id === id);
}

describe("base cases", () => {
  const insured = indications.filter((i) => jp2024_06.indications[i].programme === "insurance");

  it.each(insured)("%s with every criterion met is likely_eligible with insurance", (indication) => {
    const e = evaluate(baseCase(indication), jp2024_06);
    expect(e.criteria.filter((r) => r.status !== "met")).toEqual([]);
    expect(e).toMatchObject({
      outcome: "likely_eligible",
      coverage: "jp_insurance",
      missing: [],
      rulesetVersion: "jp-2024-06",
    });
  });

  it.each(["esophagus", "renal_cell", "metastasis"] as const)(
    "%s is needs_review with advanced care, never not_eligible on that ground",
    (indication) => {
      expect(evaluate(baseCase(indication), jp2024_06)).toMatchObject({
        outcome: "needs_review",
        coverage: "jp_advanced_care",
        missing: [],
      });
    },
  );

  it("other solid tumours are needs_review, case by case", () => {
    expect(evaluate(baseCase("other"), jp2024_06)).toMatchObject({ outcome: "needs_review", coverage: "case_by_case" });
  });
});

describe("outcome and coverage", () => {
  it("any not_met makes the case not_eligible with no coverage", () => {
    const e = evaluate(withField(baseCase("hcc"), "diagnosis.childPugh", "C"), jp2024_06);
    expect(e).toMatchObject({ outcome: "not_eligible", coverage: "none" });
  });

  it("HCC under 40 mm is advanced care, not an exclusion", () => {
    expect(evaluate(withField(baseCase("hcc"), "diagnosis.maxDiameterMm", 30), jp2024_06)).toMatchObject({
      outcome: "needs_review",
      coverage: "jp_advanced_care",
    });
  });

  it("lung beyond IIA is advanced care", () => {
    const c = withFields(baseCase("lung"), {
      "diagnosis.stage": "IIIA",
      "diagnosis.tnm": { t: "T3", n: "N1", m: "M0" },
    });
    expect(evaluate(c, jp2024_06)).toMatchObject({ outcome: "needs_review", coverage: "jp_advanced_care" });
  });

  it("oesophageal cancer beyond stage I is case by case", () => {
    const c = withFields(baseCase("esophagus"), {
      "diagnosis.stage": "III",
      "diagnosis.tnm": { t: "T3", n: "N1", m: "M0" },
    });
    expect(evaluate(c, jp2024_06)).toMatchObject({ outcome: "needs_review", coverage: "case_by_case" });
  });

  it("unknown indication-specific data keeps the programme's coverage and lists what is missing", () => {
    const e = evaluate(withField(baseCase("hcc"), "diagnosis.maxDiameterMm", undefined), jp2024_06);
    expect(e).toMatchObject({ outcome: "needs_review", coverage: "jp_insurance" });
    expect(e.missing).toEqual(["diagnosis.maxDiameterMm"]);
  });

  it("an insured indication referred before its start date is case by case", () => {
    expect(evaluate(withField(baseCase("cervix_scc"), "referredOn", "2024-05-01"), jp2024_06)).toMatchObject({
      outcome: "needs_review",
      coverage: "case_by_case",
    });
  });

  it("a flag outside the indication's own criteria keeps insurance", () => {
    expect(
      evaluate(withField(baseCase("colorectal_recurrence"), "diagnosis.abutsGiTract", true), jp2024_06),
    ).toMatchObject({
      outcome: "needs_review",
      coverage: "jp_insurance",
    });
  });

  it("lists each missing path once, in criterion order", () => {
    const c = withFields(baseCase("hcc"), { "diagnosis.maxDiameterMm": undefined, "clinical.ecog": undefined });
    expect(evaluate(c, jp2024_06).missing).toEqual(["diagnosis.maxDiameterMm", "clinical.ecog"]);
  });

  it("a minimal case (indication and date only) is needs_review, every criterion unknown but the indication", () => {
    const e = evaluate({ diagnosis: { indication: "icc" }, referredOn: "2026-11-20" }, jp2024_06);
    expect(e.outcome).toBe("needs_review");
    expect(e.criteria.filter((r) => r.status !== "unknown").map((r) => r.id)).toEqual(["indication_listed"]);
    expect(e.missing).toContain("clinical.ecog");
    expect(e.missing).toContain("diagnosis.resectable");
  });
});

describe("rule set metadata", () => {
  it("every criterion has a unique id, a source unless marked unconfirmed, and applies somewhere", () => {
    const ids = jp2024_06.criteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const def of jp2024_06.criteria) {
      expect(indicationsOf(def).length).toBeGreaterThan(0);
      if (def.id !== "pregnancy") expect(def.sources.length).toBeGreaterThan(0);
      for (const url of def.sources) expect(url).toMatch(/^https?:\/\//);
    }
  });

  it("prostate and head & neck carry no resectability condition", () => {
    expect(criteriaFor("prostate", jp2024_06).map((c) => c.id)).not.toContain("resectability");
    expect(criteriaFor("head_neck", jp2024_06).map((c) => c.id)).not.toContain("resectability");
    expect(criteriaFor("lung", jp2024_06).map((c) => c.id)).toContain("resectability");
  });

  it("age is never a criterion", () => {
    for (const indication of indications) {
      const e = evaluate(baseCase(indication), jp2024_06);
      expect(e.criteria.flatMap((r) => r.fields).filter((f) => f.startsWith("patient."))).toEqual([]);
    }
  });

  it("results carry the value used, the threshold and the source", () => {
    const r = result(withField(baseCase("lung"), "clinical.ecog", 3), "performance_status");
    expect(r).toMatchObject({ value: 3, expected: "0-2", fields: ["clinical.ecog"] });
    expect(r?.source).toMatch(/^https:/);
  });
});
