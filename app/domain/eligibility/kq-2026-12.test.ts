// Rule set kq-2026-12 (shared/domain/eligibility.md, K1–K10): one row per side of each changed rule.
import { describe, expect, it } from "vitest";
import { baseCase, withField, withFields } from "../case/fixtures";
import { indications, type ScreenCase } from "../case/schema";
import { defaultSiteConfigs, screen } from "../screen";
import { evaluate } from "./evaluate";
import { childPughOf, albiGradeOf } from "./liver";
import { lungStageFromTnm } from "./lung-staging";
import { reviewOverdue, ruleSetByVersion, ruleSetInForce, ruleSets } from "./rulesets";
import { kq2026_12 } from "./rulesets/kq-2026-12";

const kq = (c: ScreenCase) => evaluate(c, kq2026_12);
const result = (c: ScreenCase, id: string) => kq(c).criteria.find((r) => r.id === id);

describe("rule set kq-2026-12", () => {
  it("insured base cases are likely eligible, and a not_applicable criterion is never what holds them back", () => {
    for (const indication of indications.filter((i) => kq2026_12.indications[i].programme === "insurance")) {
      const e = kq(baseCase(indication));
      expect({ indication, outcome: e.outcome, coverage: e.coverage }).toEqual({
        indication,
        outcome: "likely_eligible",
        coverage: "jp_insurance",
      });
    }
  });

  it("gives every flag a resolve code with words, and values re-irradiation with the earliest date 6 months on", () => {
    const r = result(
      withFields(baseCase("bone_soft_tissue"), {
        "history.priorRadiotherapy": "same_site",
        "history.priorRadiotherapyEndedOn": "2026-05-28",
      }),
      "reirradiation",
    );
    expect(r).toMatchObject({ status: "flag", value: "2026-11-28", resolve: "reirradiation_interval" });
    for (const def of kq2026_12.criteria)
      if (def.strength === "flag" || def.strength === "tier") expect(def.resolve, def.id).toBeTruthy();
  });

  it("computes the Child-Pugh class and the ALBI grade", () => {
    expect(
      childPughOf({ bilirubinMgDl: 1.0, albuminGDl: 4.0, inr: 1.1, ascitesGrade: "none", encephalopathyGrade: "none" }),
    ).toEqual({ points: 5, class: "A" });
    expect(
      childPughOf({ bilirubinMgDl: 2.5, albuminGDl: 3.0, inr: 1.8, ascitesGrade: "mild", encephalopathyGrade: "none" }),
    ).toEqual({ points: 9, class: "B" });
    expect(
      childPughOf({
        bilirubinMgDl: 3.5,
        albuminGDl: 2.5,
        inr: 2.5,
        ascitesGrade: "moderate_severe",
        encephalopathyGrade: "grade_3_4",
      }),
    ).toEqual({ points: 15, class: "C" });
    expect(childPughOf({ bilirubinMgDl: 1.0, albuminGDl: 4.0 })).toBeNull();
    expect(albiGradeOf({ bilirubinMgDl: 0.6, albuminGDl: 4.5 })).toBe(1);
    expect(albiGradeOf({ bilirubinMgDl: 1.2, albuminGDl: 3.4 })).toBe(2);
    expect(albiGradeOf({ bilirubinMgDl: 3.0, albuminGDl: 2.4 })).toBe(3);
  });

  it("stages lung cancer by the 8th and 9th TNM editions", () => {
    expect(lungStageFromTnm({ t: "T1a", n: "N0", m: "M0" }, "UICC8")).toBe("IA1");
    expect(lungStageFromTnm({ t: "T1c", n: "N1", m: "M0" }, "UICC8")).toBe("IIB");
    expect(lungStageFromTnm({ t: "T1c", n: "N1", m: "M0" }, "UICC9")).toBe("IIA");
    expect(lungStageFromTnm({ t: "T1b", n: "N2a", m: "M0" }, "UICC9")).toBe("IIB");
    expect(lungStageFromTnm({ t: "T2a", n: "N2b", m: "M0" }, "UICC9")).toBe("IIIB");
    expect(lungStageFromTnm({ t: "T3", n: "N2", m: "M0" }, "UICC9")).toBeNull();
    expect(lungStageFromTnm({ t: "T4", n: "N3", m: "M0" }, "UICC8")).toBe("IIIC");
    expect(lungStageFromTnm({ t: "T2", n: "N0", m: "M1c" }, "UICC9")).toBe("IVB");
  });
});

describe("funding by payer (K9)", () => {
  const ctx = { sites: defaultSiteConfigs };
  it("never tells a Korean resident that Japanese insurance would pay", () => {
    const d = screen(baseCase("hcc"), ctx, kq2026_12);
    expect(d.coverage).toBe("jp_insurance");
    expect(d.funding).toEqual({
      tier: "jp_insurance",
      patientPays: "self_pay_international",
      notes: ["konyang_workup_korean_care", "qst_no_published_price", "kr_nhis_not_abroad"],
    });
  });

  it("a resident of Japan with Japanese public insurance pays the insured share", () => {
    const c = withFields(baseCase("hcc"), { "patient.residenceCountry": "JP", "patient.insurance": "jp_public" });
    expect(screen(c, ctx, kq2026_12).funding).toMatchObject({ patientPays: "jp_insurance_share" });
  });

  it("advanced care with Japanese insurance: the technical fee is the patient's", () => {
    const c = withFields(baseCase("lung"), {
      "patient.residenceCountry": "JP",
      "patient.insurance": "jp_public",
      "diagnosis.resectable": "yes",
    });
    expect(screen(c, ctx, kq2026_12).funding).toMatchObject({
      tier: "jp_advanced_care",
      patientPays: "jp_insurance_share",
      notes: ["advanced_care_technical_fee"],
    });
  });

  it("a resident of Japan whose insurance is not stated: ask", () => {
    const c = withField(baseCase("hcc"), "patient.residenceCountry", "JP");
    expect(screen(c, ctx, kq2026_12).funding).toMatchObject({ patientPays: "unknown", notes: ["confirm_insurance"] });
  });
});

describe("validity (K10)", () => {
  it("every new screen uses kq-2026-12; jp-2024-06 stays for stored decisions", () => {
    expect(ruleSetInForce("2026-11-20").version).toBe("kq-2026-12");
    expect(ruleSetInForce("2024-06-01").version).toBe("kq-2026-12");
    expect(ruleSetInForce("2023-01-01").version).toBe("kq-2026-12");
    expect(ruleSetByVersion("jp-2024-06")?.version).toBe("jp-2024-06");
    expect(ruleSets.map((r) => r.version)).toEqual(["jp-2024-06", "kq-2026-12"]);
    expect(screen(baseCase("hcc"), { sites: defaultSiteConfigs }).rulesetVersion).toBe("kq-2026-12");
  });

  it("tells admins the rules may be out of date once the review date has passed", () => {
    expect(reviewOverdue("2026-06-01").overdue).toBe(false);
    expect(reviewOverdue("2026-06-02")).toMatchObject({ overdue: true, ruleSet: { version: "kq-2026-12" } });
  });
});
