// Screen throughput: `npm run -s bench` (or `npx tsx bench/screen.bench.ts [COUNT]`).
// Builds COUNT (default 100,000) varied, valid cases with a seeded PRNG, checks them with the zod schema (not
// timed), warms up, then screens them all in one process on one core and prints cases per second.
import { baseCase, withFields } from "../app/domain/case/fixtures";
import { indications, screenCaseSchema, type ScreenCase } from "../app/domain/case/schema";
import { defaultSiteConfigs, screen, type Decision, type ScreenContext } from "../app/domain/screen";

const count = Number(process.argv[2] ?? 100_000);
const seed = 0x5eed;

/** mulberry32: small, fast, deterministic. */
function prng(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(seed);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const chance = (p: number) => random() < p;

/** A complete case for a random indication, with a few fields changed or left out. */
function makeCase(): ScreenCase {
  const indication = pick(indications);
  const changes: Record<string, unknown> = {
    "patient.residenceCountry": pick(["KR", "KR", "KR", "JP", "JP", "US", "CN"]),
    "consent.crossBorder": chance(0.5),
    "preferences.site": pick(["none", "none", "konyang", "qst"]),
    referredOn: pick(["2026-11-20", "2026-02-28", "2025-07-31", "2024-05-15"]),
  };
  const optional = [
    ["diagnosis.maxDiameterMm", () => Math.round(random() * 1500) / 10],
    ["diagnosis.distantMetastasisSites", () => pick([0, 0, 0, 1, 2, 3])],
    ["diagnosis.resectable", () => pick(["no", "no", "yes", "unknown"])],
    ["diagnosis.childPugh", () => pick(["A", "B", "C"])],
    ["diagnosis.abutsGiTract", () => chance(0.2)],
    ["diagnosis.invadesGiTract", () => chance(0.05)],
    ["diagnosis.histologicallyConfirmed", () => chance(0.9)],
    ["diagnosis.stage", () => pick(["IA2", "IIA", "IIB", "IIIA", "IVA", "IVB", "I"])],
    ["history.priorRadiotherapy", () => pick(["none", "none", "same_site", "other_site", "unknown"])],
    ["history.priorRadiotherapyEndedOn", () => pick(["2025-01-10", "2023-06-30", "2024-02-29"])],
    ["clinical.ecog", () => pick([0, 1, 1, 2, 3, 4])],
    ["clinical.cardiacDevice", () => chance(0.1)],
    ["clinical.pregnant", () => chance(0.02)],
    // Fields rule set kq-2026-12 reads.
    ["patient.insurance", () => pick(["jp_public", "kr_nhis", "unknown"])],
    ["diagnosis.imagingDate", () => pick(["2024-04-01", "2024-01-10", "2023-11-30"])],
    [
      "diagnosis.labs",
      () => ({ bilirubinMgDl: pick([0.8, 2.4, 3.6]), albuminGDl: pick([4.1, 3.1, 2.5]), inr: pick([1.1, 1.9, 2.6]) }),
    ],
    ["clinical.encephalopathyGrade", () => pick(["none", "none", "grade_1_2"])],
    [
      "history.radiotherapyCourses",
      () => [{ endedOn: "2023-06-30", region: "pelvis", overlapsTarget: pick(["yes", "no", "unknown"]) }],
    ],
    ["diagnosis.icd10", () => pick(["C11.9", "C32.0", "C07", "C22.0"])],
  ] as const;
  for (const [path, value] of optional) {
    const roll = random();
    if (roll < 0.08) changes[path] = undefined;
    else if (roll < 0.35) changes[path] = value();
  }
  const c = withFields(baseCase(indication), changes);
  // A radiotherapy cannot end after the referral it precedes.
  const ended = c.history?.priorRadiotherapyEndedOn;
  if (typeof ended === "string" && ended > c.referredOn && c.history) c.history.priorRadiotherapyEndedOn = "2023-06-30";
  return c;
}

const cases = Array.from({ length: count }, makeCase);
for (const [i, c] of cases.entries()) {
  const parsed = screenCaseSchema.safeParse(c);
  if (!parsed.success) throw new Error(`case ${i} is not valid: ${JSON.stringify(parsed.error.issues)}`);
}

const ctx: ScreenContext = { sites: defaultSiteConfigs, openQueue: { konyang: 12, qst: 31 } };
const tally: Record<Decision["outcome"], number> = { likely_eligible: 0, needs_review: 0, not_eligible: 0 };

function runAll(): number {
  const start = performance.now();
  for (const c of cases) tally[screen(c, ctx).outcome]++;
  return performance.now() - start;
}

const warmUp = runAll();
for (const key of Object.keys(tally) as (keyof typeof tally)[]) tally[key] = 0;
const timed = runAll();
const perSecond = Math.round((count / timed) * 1000);

console.log(`screen(): ${count.toLocaleString("en")} valid cases (seed ${seed}), Node ${process.version}`);
console.log(
  `warm-up run: ${warmUp.toFixed(0)} ms (${Math.round((count / warmUp) * 1000).toLocaleString("en")} cases/s)`,
);
console.log(`timed run:   ${timed.toFixed(0)} ms`);
console.log(`outcomes:    ${JSON.stringify(tally)}`);
console.log(`${perSecond.toLocaleString("en")} cases/second`);
