import { describe, expect, it } from "vitest";
import { baseCase, withFields } from "../case/fixtures";
import type { ScreenCase } from "../case/schema";
import { routeCase } from "./route";
import { defaultSiteConfigs, type ScreenContext, type SiteConfig } from "./sites";

const ctx: ScreenContext = { sites: defaultSiteConfigs };

function patient(
  residenceCountry: string | undefined,
  crossBorder: boolean | undefined,
  site?: "konyang" | "qst" | "none",
): ScreenCase {
  return withFields(baseCase("pancreas"), {
    "patient.residenceCountry": residenceCountry,
    "consent.crossBorder": crossBorder,
    "preferences.site": site,
  });
}

describe("routing policy (routing.md)", () => {
  it.each([
    ["KR, no consent", patient("KR", false), "konyang", ["no_cross_border_consent", "residence_kr"]],
    ["KR, consent", patient("KR", true), "konyang", ["residence_kr"]],
    ["KR, consent, prefers QST", patient("KR", true, "qst"), "qst", ["patient_preference"]],
    [
      "KR, no consent, prefers QST",
      patient("KR", false, "qst"),
      "konyang",
      ["no_cross_border_consent", "residence_kr"],
    ],
    ["JP, no consent", patient("JP", false), "qst", ["no_cross_border_consent", "residence_jp"]],
    [
      "JP, no consent, prefers Konyang",
      patient("JP", false, "konyang"),
      "qst",
      ["no_cross_border_consent", "residence_jp"],
    ],
    ["JP, consent, prefers Konyang", patient("JP", true, "konyang"), "konyang", ["patient_preference"]],
    ["US, consent", patient("US", true), "qst", ["international_patient"]],
    ["US, consent, prefers Konyang", patient("US", true, "konyang"), "konyang", ["patient_preference"]],
    ["residence unknown, consent", patient(undefined, true), "qst", ["residence_unknown"]],
  ] as const)("%s → %s", (_name, c, site, reasons) => {
    expect(routeCase(c, ctx)).toEqual({ site, reasons, alternatives: [], missing: [] });
  });

  it("an overseas resident without cross-border consent has no candidate: both sites are abroad", () => {
    expect(routeCase(patient("US", false), ctx)).toEqual({
      site: null,
      reasons: ["no_cross_border_consent", "no_candidate"],
      alternatives: [],
      missing: [],
    });
  });

  it("unknown residence and consent: no candidate, and both are named as missing", () => {
    expect(routeCase(patient(undefined, undefined), ctx)).toMatchObject({
      site: null,
      missing: ["patient.residenceCountry", "consent.crossBorder"],
    });
  });

  it("compares the site's configured country with the residence", () => {
    const sites: SiteConfig[] = defaultSiteConfigs.map((s) => (s.code === "konyang" ? { ...s, country: "JP" } : s));
    expect(routeCase(patient("JP", false), { sites }).reasons).toEqual(["residence_jp"]);
  });

  describe("indication not accepted", () => {
    const sites: SiteConfig[] = defaultSiteConfigs.map((s) =>
      s.code === "konyang" ? { ...s, acceptedIndications: s.acceptedIndications.filter((i) => i !== "pancreas") } : s,
    );

    it("a KR resident with consent goes to the only accepting site", () => {
      expect(routeCase(patient("KR", true), { sites })).toEqual({
        site: "qst",
        reasons: ["indication_not_accepted", "only_candidate"],
        alternatives: [],
        missing: [],
      });
    });

    it("without consent no site remains", () => {
      expect(routeCase(patient("KR", false), { sites })).toMatchObject({
        site: null,
        reasons: ["indication_not_accepted", "no_cross_border_consent", "no_candidate"],
      });
    });

    it("no site accepting at all needs no patient data to resolve", () => {
      const none = defaultSiteConfigs.map((s) => ({ ...s, acceptedIndications: [] }));
      expect(routeCase(patient(undefined, undefined), { sites: none })).toEqual({
        site: null,
        reasons: ["indication_not_accepted", "no_candidate"],
        alternatives: [],
        missing: [],
      });
    });
  });

  describe("capacity", () => {
    it("over capacity keeps the choice and lists the other candidate", () => {
      expect(routeCase(patient("KR", true), { sites: defaultSiteConfigs, openQueue: { konyang: 21 } })).toEqual({
        site: "konyang",
        reasons: ["residence_kr", "capacity"],
        alternatives: ["qst"],
        missing: [],
      });
    });

    it("at capacity is not over it", () => {
      expect(
        routeCase(patient("KR", true), { sites: defaultSiteConfigs, openQueue: { konyang: 20 } }).alternatives,
      ).toEqual([]);
    });

    it("no alternative without cross-border consent", () => {
      expect(routeCase(patient("KR", false), { sites: defaultSiteConfigs, openQueue: { konyang: 99 } })).toMatchObject({
        site: "konyang",
        alternatives: [],
        reasons: ["no_cross_border_consent", "residence_kr"],
      });
    });
  });
});
