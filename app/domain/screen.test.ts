import { describe, expect, it } from "vitest";
import en from "../../locales/en/screen.json";
import ja from "../../locales/ja/screen.json";
import ko from "../../locales/ko/screen.json";
import { exampleCases } from "../../tests/factories/example-cases";
import { baseCase, withField, withFields } from "./case/fixtures";
import { caseSchema, indications, screenCaseSchema } from "./case/schema";
import { jp2024_06 } from "./eligibility/rulesets/jp-2024-06";
import { routeReasons } from "./routing/route";
import { defaultSiteConfigs, screen, toDecisionJson, whatWouldChange, type ScreenContext } from "./screen";

// The example cases: the repository's copies, and ../shared's when it is beside the clone.
const examples = exampleCases();

const ctx: ScreenContext = { sites: defaultSiteConfigs };

describe("shared example cases", () => {
  it("are there", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)("$name", ({ case: input, expected }) => {
    const parsed = screenCaseSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    const d = screen(parsed.data!, ctx);
    expect(d.outcome).toBe(expected.outcome);
    if (expected.coverage !== undefined) expect(d.coverage).toBe(expected.coverage);
    if (expected.site !== undefined) expect(d.route.site).toBe(expected.site);
    for (const path of expected.missingIncludes ?? []) expect(d.missing).toContain(path);
  });

  it.each(examples)("$name is a complete submission too", ({ case: input }) => {
    expect(caseSchema.safeParse(input).success).toBe(true);
  });
});

describe("screen", () => {
  it("caps the outcome at needs_review when no site can take the case", () => {
    const c = withFields(baseCase("lung"), { "patient.residenceCountry": "US", "consent.crossBorder": false });
    const d = screen(c, ctx);
    expect(d.outcome).toBe("needs_review");
    expect(d.coverage).toBe("jp_insurance");
    expect(d.route).toEqual({ site: null, reasons: ["no_cross_border_consent", "no_candidate"], alternatives: [] });
  });

  it("still routes a not_eligible case, so a coordinator can see it and override", () => {
    const d = screen(withField(baseCase("hcc"), "diagnosis.childPugh", "C"), ctx);
    expect(d).toMatchObject({ outcome: "not_eligible", coverage: "none", route: { site: "konyang" } });
  });

  it("adds the routing fields to missing when they leave the case without a site", () => {
    const d = screen({ diagnosis: { indication: "icc" }, referredOn: "2026-11-20" }, ctx);
    expect(d.route.site).toBeNull();
    expect(d.missing).toEqual(
      expect.arrayContaining(["patient.residenceCountry", "consent.crossBorder", "clinical.ecog"]),
    );
  });

  it("gives the contract's JSON shape", () => {
    const json = toDecisionJson(screen(withField(baseCase("icc"), "clinical.ecog", undefined), ctx));
    // kq-2026-12 adds the funding block, a resolve code on flags and not_applicable results, and computed details.
    expect(Object.keys(json)).toEqual([
      "rulesetVersion",
      "outcome",
      "coverage",
      "criteria",
      "missing",
      "route",
      "funding",
    ]);
    expect(Object.keys(json.route)).toEqual(["site", "reasons", "alternatives"]);
    expect(Object.keys(json.funding ?? {})).toEqual(["tier", "patientPays", "notes"]);
    for (const criterion of json.criteria) {
      expect(
        Object.keys(criterion).filter((k) => !["id", "status", "value", "expected", "resolve", "details"].includes(k)),
      ).toEqual([]);
    }
    const jp = toDecisionJson(screen(withField(baseCase("icc"), "clinical.ecog", undefined), ctx, jp2024_06));
    expect(Object.keys(jp)).toEqual(["rulesetVersion", "outcome", "coverage", "criteria", "missing", "route"]);
    expect(json.criteria.find((c) => c.id === "performance_status")).toEqual({
      id: "performance_status",
      status: "unknown",
      expected: "0-2",
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("says what would change the answer for every criterion that is not met (jp-2024-06)", () => {
    const c = withFields(baseCase("hcc"), {
      "clinical.ecog": undefined,
      "diagnosis.abutsGiTract": true,
      "diagnosis.childPugh": "C",
    });
    const hints = whatWouldChange(screen(c, ctx, jp2024_06));
    expect(hints).toEqual([
      {
        id: "child_pugh",
        status: "not_met",
        hintKey: "screen:criteria.child_pugh.resolve",
        fields: ["diagnosis.childPugh"],
      },
      {
        id: "gi_tract_abutment",
        status: "flag",
        hintKey: "screen:criteria.gi_tract_abutment.resolve",
        fields: ["diagnosis.abutsGiTract"],
      },
      {
        id: "performance_status",
        status: "unknown",
        hintKey: "screen:criteria.performance_status.resolve",
        fields: ["clinical.ecog"],
      },
    ]);
  });
});

describe("words for every code", () => {
  const lookup = (tree: unknown, key: string) =>
    key
      .split(".")
      .reduce<unknown>(
        (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
        tree,
      );
  const locales = { en, ko, ja };

  const keys = [
    ...jp2024_06.criteria.flatMap((c) => ["name", "explanation", "resolve"].map((p) => `criteria.${c.id}.${p}`)),
    ...routeReasons.map((r) => `reasons.${r}`),
    ...indications.map((i) => `indications.${i}`),
    ...["likely_eligible", "needs_review", "not_eligible"].flatMap((o) => [
      `outcomes.${o}.label`,
      `outcomes.${o}.summary`,
    ]),
    ...["met", "not_met", "unknown", "flag"].map((s) => `statuses.${s}`),
    ...["jp_insurance", "jp_advanced_care", "case_by_case", "none"].flatMap((c) => [
      `coverage.${c}.label`,
      `coverage.${c}.detail`,
    ]),
    "note.finalDecision",
    // Every path a criterion reads, and every path the router can name as missing, has a label.
    ...[
      ...new Set(
        indications.flatMap((i) => [
          ...screen(baseCase(i), ctx).criteria.flatMap((r) => r.fields),
          ...screen({ diagnosis: { indication: i }, referredOn: "2026-11-20" }, ctx).missing,
        ]),
      ),
    ].map((p) => `fields.${p}`),
  ];

  it.each(Object.entries(locales))("%s has them all", (_lng, tree) => {
    expect(keys.filter((key) => typeof lookup(tree, key) !== "string")).toEqual([]);
  });

  it("the outcome sentence and the fees are those of eligibility.md", () => {
    expect(en.outcomes.likely_eligible.summary).toBe("Likely within criteria. Final decision by the receiving team.");
    expect(en.coverage.jp_insurance.detail).toContain("JPY 1.6 million");
    expect(en.coverage.jp_insurance.detail).toContain("JPY 2.375 million");
    expect(en.coverage.jp_advanced_care.detail).toContain("JPY 3.14 million");
  });
});
