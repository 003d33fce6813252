import { describe, expect, it } from "vitest";
import { sharedCase } from "../../../tests/factories/referrals";
import { compareDecisions, directionOf } from "../decision-compare";
import { defaultSiteConfigs, screen, toDecisionJson } from "../screen";
import { ruleBookOf, ruleSetValidity, strengthOf } from "./rule-book";
import { diffRuleSets } from "./rule-diff";
import { jp2024_06 } from "./rulesets/jp-2024-06";
import { kq2026_12 } from "./rulesets/kq-2026-12";
import { ruleSetInForce, ruleSets } from "./rulesets";

describe("the rule book's data view", () => {
  for (const set of ruleSets) {
    it(`lists every criterion of ${set.version} with its sources, strength and threshold`, () => {
      const book = ruleBookOf(set);
      expect(book.criteria.map((c) => c.id)).toEqual(set.criteria.map((c) => c.id));
      for (const c of book.criteria) {
        const def = set.criteria.find((d) => d.id === c.id)!;
        expect(c.sources).toEqual(def.sources);
        expect(["exclusion", "flag", "tier", "information"]).toContain(c.strength);
        expect(c.threshold.kind).toBe(def.rule.kind);
      }
      // Every criterion but pregnancy ([U]: no source found) cites at least one.
      expect(book.criteria.filter((c) => c.sources.length === 0).map((c) => c.id)).toEqual(["pregnancy"]);
      expect(book.indications).toHaveLength(15);
    });
  }

  it("states where each indication falls, and reads jp-2024-06's strengths from its rules", () => {
    const kq = ruleBookOf(kq2026_12);
    expect(kq.indications.find((i) => i.code === "lung")).toMatchObject({
      programme: "insurance",
      since: "2024-06-01",
      fallsTo: "jp_advanced_care",
    });
    expect(kq.indications.find((i) => i.code === "hcc")).toMatchObject({ fallsTo: "case_by_case" });
    expect(kq.criteria.find((c) => c.id === "pregnancy")).toMatchObject({
      notApplicableTo: ["prostate"],
      condition: { kind: "could_be_pregnant", minAge: 12, maxAge: 55 },
    });
    expect(ruleBookOf(jp2024_06).indications.find((i) => i.code === "hcc")?.fallsTo).toBeUndefined();
    const strength = (id: string) => strengthOf(jp2024_06.criteria.find((c) => c.id === id)!);
    expect([
      strength("resectability"),
      strength("hcc_size"),
      strength("cardiac_device"),
      strength("prostate_staging_known"),
    ]).toEqual(["exclusion", "tier", "flag", "information"]);
  });

  it("says which set is in force and whose review is overdue on a given day", () => {
    const before = ruleSetValidity("2026-12-01");
    expect(before.find((r) => r.inForce)?.version).toBe("jp-2024-06");
    const today = ruleSetValidity("2026-12-06");
    expect(today.find((r) => r.inForce)?.version).toBe("kq-2026-12");
    expect(today.every((r) => r.reviewOverdue)).toBe(true);
    expect(ruleSetValidity("2026-05-31").some((r) => r.reviewOverdue)).toBe(false);
    expect(ruleSetInForce("2026-11-10", "2026-11-30").version).toBe("jp-2024-06");
    expect(ruleSetInForce("2026-11-10").version).toBe("kq-2026-12");
  });
});

describe("what changed between jp-2024-06 and kq-2026-12", () => {
  const diff = diffRuleSets(jp2024_06, kq2026_12);
  const renamed = diff.criteria.flatMap((c) =>
    c.change === "changed" && c.renamed ? [`${c.from.id}→${c.to.id}`] : [],
  );

  it("reads renamed criteria as changes, with the clinical reason", () => {
    expect(renamed).toEqual(
      expect.arrayContaining([
        "resectability→surgery_difficult",
        "prior_radiotherapy→reirradiation",
        "child_pugh→liver_function",
        "distant_metastasis→metastatic_organs",
      ]),
    );
    const surgery = diff.criteria.find((c) => c.change === "changed" && c.to.id === "surgery_difficult");
    expect(surgery).toMatchObject({
      aspects: expect.arrayContaining(["strength", "threshold", "coverage"]),
      review: ["K1", "P2"],
      from: { strength: "exclusion" },
      to: { strength: "tier" },
    });
    const rt = diff.criteria.find((c) => c.change === "changed" && c.to.id === "reirradiation");
    expect(rt).toMatchObject({ from: { strength: "exclusion" }, to: { strength: "flag" }, review: ["K3"] });
  });

  it("lists added criteria, applicability changes and indication tiers", () => {
    const added = diff.criteria.filter((c) => c.change === "added").map((c) => (c.change === "added" ? c.to.id : ""));
    expect(added).toEqual(
      expect.arrayContaining(["metastatic_lesions", "localised_disease", "consistency_stage", "imaging_recent"]),
    );
    expect(diff.criteria.filter((c) => c.change === "removed")).toEqual([]);
    const tumourSize = diff.criteria.find((c) => c.change === "changed" && c.to.id === "tumour_size");
    expect(tumourSize).toMatchObject({
      renamed: false,
      aspects: ["applicability"],
      to: { notApplicableTo: ["prostate"] },
    });
    expect(diff.indications.find((i) => i.code === "lung")).toMatchObject({
      aspects: ["fallsTo"],
      to: { fallsTo: "jp_advanced_care" },
    });
    expect(diff.indications).toHaveLength(11);
  });

  it("is empty between a set and itself", () => {
    expect(diffRuleSets(kq2026_12, kq2026_12)).toMatchObject({ criteria: [], indications: [] });
  });
});

describe("two decisions side by side", () => {
  it("matches each criterion with its counterpart and says which way the outcome went", () => {
    const c = sharedCase("prostate-localised-kr");
    c.diagnosis.distantMetastasisSites = 0;
    const ctx = { sites: defaultSiteConfigs, openQueue: {} };
    const old = toDecisionJson(screen(c, ctx, jp2024_06));
    const now = toDecisionJson(screen(c, ctx, kq2026_12));
    const comparison = compareDecisions(old, now);
    expect(comparison.before.rulesetVersion).toBe("jp-2024-06");
    expect(comparison.after.rulesetVersion).toBe("kq-2026-12");
    const organs = comparison.criteria.find((p) => p.after?.id === "metastatic_organs");
    expect(organs?.before?.id).toBe("distant_metastasis");
    expect(comparison.criteria.find((p) => p.after?.id === "imaging_recent")?.before).toBeUndefined();
    expect(directionOf("not_eligible", "needs_review")).toBe("improved");
    expect(directionOf("likely_eligible", "needs_review")).toBe("worsened");
  });
});
