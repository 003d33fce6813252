import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withField, withFields } from "./case/fixtures";
import { indications, screenCaseSchema, type Indication, type ScreenCase } from "./case/schema";
import { outcomeOf } from "./eligibility/evaluate";
import { defaultSiteConfigs, screen, type Outcome, type ScreenContext } from "./screen";

const ctx: ScreenContext = { sites: defaultSiteConfigs };
const rank: Record<Outcome, number> = { not_eligible: 0, needs_review: 1, likely_eligible: 2 };
const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

/** Usually present: absent one time in twelve. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 12 });
/** Usually the value within criteria, sometimes one of the others (so every outcome turns up often enough). */
const usually = <T>(good: T, ...others: T[]) =>
  fc.oneof({ weight: 24, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: fc.constantFrom(...others) });
const mostlyTrue = () => usually(true, false);
const mostlyFalse = () => usually(false, true);

// TNM 8th edition lung stage groups for the T and N the arbitrary draws (M1 is IVA).
const lungStage: Record<string, Record<string, string>> = {
  T1a: { N0: "IA1", N1: "IIB", N2: "IIIA" },
  T1b: { N0: "IA2", N1: "IIB", N2: "IIIA" },
  T1c: { N0: "IA3", N1: "IIB", N2: "IIIA" },
  T2a: { N0: "IB", N1: "IIB", N2: "IIIA" },
  T2b: { N0: "IIA", N1: "IIB", N2: "IIIA" },
  T3: { N0: "IIB", N1: "IIIA", N2: "IIIB" },
  T4: { N0: "IIIA", N1: "IIIA", N2: "IIIB" },
};
const esophagusStage: Record<string, Record<string, string>> = {
  T1a: { N0: "I", N1: "I", N2: "III" },
  T1b: { N0: "I", N1: "I", N2: "III" },
  T2: { N0: "II", N1: "II", N2: "III" },
  T3: { N0: "II", N1: "III", N2: "III" },
};

/** FIGO 2018: nodes make a cervical cancer IIIC, distant metastasis IVB; otherwise the drawn stage stands. */
function cervixStageOf(drawn: string, n: string, sites: number): string {
  if (sites > 0) return "IVB";
  if (n !== "N0") return "IIIC1";
  return drawn === "IIIC1" || drawn === "IVB" ? "IIB" : drawn;
}

/**
 * Valid, internally coherent screen cases: the arbitrary draws the patient's true state (metastatic sites, T, N)
 * and then reports each fact or leaves it out, so no two fields contradict each other.
 */
const arbitraryCase: fc.Arbitrary<ScreenCase> = fc
  .record({
    indication: fc.constantFrom(...indications),
    residence: maybe(fc.constantFrom("KR", "JP", "US", "CN")),
    crossBorder: maybe(fc.boolean()),
    preference: maybe(fc.constantFrom("konyang", "qst", "none")),
    confirmed: maybe(mostlyTrue()),
    haematological: maybe(mostlyFalse()),
    status: maybe(usually("recurrent", "primary")),
    resectable: maybe(usually("no", "yes", "unknown")),
    histology: maybe(
      fc.constantFrom(
        "adenocarcinoma",
        "squamous_cell_carcinoma",
        "adenoid_cystic_carcinoma",
        "hepatocellular_carcinoma",
        "other",
      ),
    ),
    subsite: maybe(fc.constantFrom("oral_cavity", "pharynx", "larynx", "nasal_sinus", "salivary_gland", "skull_base")),
    trueSites: usually(0, 1, 2, 3, 4),
    trueSpread: fc.boolean(),
    report: fc.record({
      sites: mostlyTrue(),
      spread: mostlyTrue(),
      m: fc.boolean(),
      t: mostlyTrue(),
      n: mostlyTrue(),
      stage: fc.boolean(),
    }),
    trueT: fc.constantFrom("T1a", "T1b", "T2", "T3"),
    trueN: fc.constantFrom("N0", "N1", "N2"),
    lungT: fc.constantFrom(...Object.keys(lungStage)),
    cervixStage: usually("IIB", "IB3", "IIA", "IIIC1", "IVA", "IVB", "IV"),
    diameter: maybe(
      fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 60, max: 120 }) },
        { weight: 1, arbitrary: fc.integer({ min: 5, max: 160 }) },
      ),
    ),
    invades: maybe(mostlyFalse()),
    abuts: maybe(mostlyFalse()),
    spinal: maybe(mostlyFalse()),
    anastomotic: maybe(mostlyFalse()),
    gleason: maybe(fc.integer({ min: 6, max: 10 })),
    psa: maybe(fc.double({ min: 0, max: 200, noNaN: true })),
    childPugh: maybe(usually("A", "B", "C")),
    ascites: maybe(mostlyFalse()),
    priorRt: maybe(usually("none", "same_site", "other_site", "unknown")),
    priorRtMonthsAgo: maybe(fc.integer({ min: 0, max: 36 })),
    ecog: maybe(usually(1, 0, 2, 3, 4)),
    lieStill: maybe(mostlyTrue()),
    infection: maybe(mostlyFalse()),
    metal: maybe(mostlyFalse()),
    device: maybe(mostlyFalse()),
    pregnant: maybe(mostlyFalse()),
    referredOn: usually("2026-11-20", "2024-05-15", "2022-01-10", "2026-03-31"),
  })
  .map((r): ScreenCase => {
    const sites = r.trueSites;
    const spread = sites > 0 && r.trueSpread;
    const lung = r.indication === "lung";
    const esophagus = r.indication === "esophagus";
    const t = lung ? r.lungT : r.indication === "prostate" ? "T2b" : r.trueT;
    const n = r.trueN;
    const m = sites > 0 ? "M1" : "M0";
    const stage = lung
      ? sites > 0
        ? "IVA"
        : lungStage[t]?.[n]
      : esophagus
        ? sites > 0
          ? "IVB"
          : esophagusStage[t]?.[n]
        : r.indication === "cervix_adeno" || r.indication === "cervix_scc"
          ? cervixStageOf(r.cervixStage, n, sites)
          : undefined;
    const [y, mo] = r.referredOn.split("-").map(Number) as [number, number];
    const ago = r.priorRtMonthsAgo === undefined ? undefined : ((y * 12 + mo - 1 - r.priorRtMonthsAgo - 1) as number);
    const endedOn =
      ago === undefined ? undefined : `${Math.floor(ago / 12)}-${String((ago % 12) + 1).padStart(2, "0")}-15`;
    const c = {
      patient: { residenceCountry: r.residence },
      preferences: { site: r.preference },
      consent: { crossBorder: r.crossBorder },
      diagnosis: {
        indication: r.indication as Indication,
        histologicallyConfirmed: r.confirmed,
        haematological: r.haematological,
        status: r.status,
        resectable: r.resectable,
        histology: r.histology,
        subsite: r.indication === "head_neck" ? r.subsite : undefined,
        // The lung table above is TNM 8th: say so, or a 2025+ referral would be read by the 9th (K7).
        tnm: {
          t: r.report.t ? t : undefined,
          n: r.report.n ? n : undefined,
          m: r.report.m ? m : undefined,
          edition: lung ? "UICC8" : undefined,
        },
        stage: r.report.stage ? stage : undefined,
        maxDiameterMm: r.diameter,
        distantMetastasisSites: r.report.sites ? sites : undefined,
        peritonealOrMeningealSpread: r.report.spread ? spread : undefined,
        invadesGiTract: r.invades,
        abutsGiTract: r.abuts,
        invadesSpinalCord: r.spinal,
        anastomoticRecurrence: r.anastomotic,
        gleasonScore: r.gleason,
        psaNgMl: r.psa,
        childPugh: r.childPugh,
        ascites: r.ascites,
      },
      history: { priorRadiotherapy: r.priorRt, priorRadiotherapyEndedOn: endedOn },
      clinical: {
        ecog: r.ecog,
        canLieStill30Min: r.lieStill,
        activeInfectionInField: r.infection,
        metalImplantInField: r.metal,
        cardiacDevice: r.device,
        pregnant: r.pregnant,
      },
      referredOn: r.referredOn,
    };
    return JSON.parse(JSON.stringify(c)) as ScreenCase; // drops the undefined fields, as a JSON body would
  });

/**
 * Every optional leaf (and optional object) present in a case, as dotted paths. The TNM edition is left out: its
 * absence is not missing information but the contract's default (the edition in force on the referral date, K7).
 */
function optionalPaths(c: ScreenCase): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (!node || typeof node !== "object" || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (path === "referredOn" || path === "diagnosis" || path === "diagnosis.indication") {
        walk(value, path);
        continue;
      }
      if (path !== "diagnosis.tnm.edition") out.push(path);
      walk(value, path);
    }
  };
  walk(c, "");
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** One thing added to a case: its name, the indications where it decides, and the fields it sets. */
type CaseChange = {
  name: string;
  applies: (i: Indication) => boolean;
  set: (c: ScreenCase) => Record<string, unknown>;
};

/** The outcome before a change, the screen after it, and whether the change applies to the case's indication. */
function screenedBeforeAndAfter(c: ScreenCase, change: CaseChange) {
  return {
    before: screen(c, ctx).outcome,
    after: screen(withFields(c, change.set(c)), ctx),
    applies: change.applies(c.diagnosis.indication),
  };
}

describe("screen properties", () => {
  it("the arbitrary builds valid cases", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        expect(screenCaseSchema.safeParse(c).success).toBe(true);
      }),
      runs,
    );
  });

  it("removing any optional field never turns an outcome into likely_eligible", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const before = screen(c, ctx).outcome;
        if (before === "likely_eligible") return;
        for (const path of optionalPaths(c)) {
          const after = screen(withField(c, path, undefined), ctx).outcome;
          expect({ path, after }).not.toEqual({ path, after: "likely_eligible" });
        }
      }),
      runs,
    );
  });

  const exclusions: CaseChange[] = [
    { name: "haematological malignancy", applies: () => true, set: () => ({ "diagnosis.haematological": true }) },
    // kq-2026-12, K2: an oesophageal cancer starts in the GI tract.
    { name: "GI tract invasion", applies: (i) => i !== "esophagus", set: () => ({ "diagnosis.invadesGiTract": true }) },
    { name: "spinal cord invasion", applies: () => true, set: () => ({ "diagnosis.invadesSpinalCord": true }) },
    { name: "ECOG 3", applies: () => true, set: () => ({ "clinical.ecog": 3 }) },
    { name: "cannot lie still", applies: () => true, set: () => ({ "clinical.canLieStill30Min": false }) },
    {
      name: "three metastatic sites",
      applies: () => true,
      set: () => ({ "diagnosis.distantMetastasisSites": 3, "diagnosis.tnm.m": "M1", "diagnosis.stage": undefined }),
    },
    {
      name: "peritoneal spread",
      applies: () => true,
      set: (c) => ({
        "diagnosis.peritonealOrMeningealSpread": true,
        "diagnosis.distantMetastasisSites": Math.max(1, c.diagnosis.distantMetastasisSites ?? 1),
        "diagnosis.tnm.m": "M1",
        "diagnosis.stage": undefined,
      }),
    },
    // kq-2026-12, K5: decompensated liver excludes when the liver is irradiated (hcc, icc).
    { name: "Child-Pugh C", applies: (i) => i === "hcc" || i === "icc", set: () => ({ "diagnosis.childPugh": "C" }) },
    { name: "ascites", applies: (i) => i === "hcc" || i === "icc", set: () => ({ "diagnosis.ascites": true }) },
    {
      name: "anastomotic recurrence",
      applies: (i) => i === "colorectal_recurrence",
      set: () => ({ "diagnosis.anastomoticRecurrence": true }),
    },
  ];

  it.each(exclusions)(
    "adding an exclusion ($name) never improves the outcome, and rules the case out where it applies",
    (change) => {
      fc.assert(
        fc.property(arbitraryCase, (c) => {
          const { before, after, applies } = screenedBeforeAndAfter(c, change);
          expect(rank[after.outcome]).toBeLessThanOrEqual(rank[before]);
          if (applies) expect(after).toMatchObject({ outcome: "not_eligible", coverage: "none" });
        }),
        runs,
      );
    },
  );

  it("adding a flag never improves the outcome", () => {
    const flags = ["clinical.cardiacDevice", "clinical.metalImplantInField", "clinical.activeInfectionInField"];
    fc.assert(
      fc.property(arbitraryCase, fc.constantFrom(...flags), (c, path) => {
        const before = screen(c, ctx).outcome;
        const after = screen(withField(c, path, true), ctx).outcome;
        expect(rank[after]).toBeLessThanOrEqual(Math.min(rank[before], rank.needs_review));
      }),
      runs,
    );
  });

  // kq-2026-12 (K1, K3): surgery possible and re-irradiation are for a clinician, never an exclusion on that ground.
  const reviewOnly: CaseChange[] = [
    {
      name: "resectable",
      applies: (i) => !["prostate", "head_neck"].includes(i),
      set: () => ({ "diagnosis.resectable": "yes" }),
    },
    {
      name: "same-site radiotherapy a month ago",
      applies: () => true,
      set: (c) => ({
        "history.priorRadiotherapy": "same_site",
        "history.priorRadiotherapyEndedOn": `${c.referredOn.slice(0, 8)}01`,
      }),
    },
    {
      name: "bowel abutment",
      applies: (i) => i !== "esophagus" && i !== "prostate",
      set: () => ({ "diagnosis.abutsGiTract": true }),
    },
  ];

  it.each(reviewOnly)("adding '$name' never improves the outcome and alone never rules a case out", (change) => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { before, after, applies } = screenedBeforeAndAfter(c, change);
        expect(rank[after.outcome]).toBeLessThanOrEqual(rank[before]);
        if (applies) expect(rank[after.outcome]).toBeLessThanOrEqual(rank.needs_review);
        if (before !== "not_eligible") expect(after.outcome).not.toBe("not_eligible");
      }),
      runs,
    );
  });

  it("a not_applicable criterion never worsens the outcome: the same case without it screens the same", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const d = screen(c, ctx);
        const applicable = d.criteria.filter((r) => r.status !== "not_applicable");
        expect(outcomeOf(applicable)).toBe(outcomeOf(d.criteria));
        // Filling in what a not_applicable criterion would read changes nothing either.
        const na = d.criteria.filter((r) => r.status === "not_applicable" && r.id !== "imaging_recent");
        const flipped = withFields(
          c,
          Object.fromEntries(
            na.flatMap((r) =>
              r.id === "gi_tract_invasion"
                ? [["diagnosis.invadesGiTract", true]]
                : r.id === "pregnancy"
                  ? [["clinical.pregnant", true]]
                  : [],
            ),
          ),
        );
        expect(screen(flipped, ctx).outcome).toBe(d.outcome);
      }),
      runs,
    );
  });

  it("is deterministic and leaves its input alone", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const first = screen(c, ctx);
        const frozen = deepFreeze(structuredClone(c));
        expect(screen(frozen, ctx)).toEqual(first);
        expect(screen(c, ctx)).toEqual(first);
      }),
      runs,
    );
  });

  it("outcome, coverage, missing and route agree with each other", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const d = screen(c, ctx);
        expect(d.outcome === "not_eligible").toBe(d.coverage === "none");
        if (d.outcome === "likely_eligible") {
          expect(d.criteria.every((r) => r.status === "met" || r.status === "not_applicable")).toBe(true);
          expect(d.missing).toEqual([]);
          expect(d.route.site).not.toBeNull();
        }
        const unknown = d.criteria.filter((r) => r.status === "unknown");
        expect(unknown.every((r) => (r.missing ?? []).length > 0)).toBe(true);
        if (unknown.length > 0) expect(d.outcome).not.toBe("likely_eligible");
        expect(new Set(d.missing).size).toBe(d.missing.length);
      }),
      runs,
    );
  });
});
