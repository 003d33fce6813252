import { describe, expect, it } from "vitest";
import { ageBand, deidentifiedCohort, shiftDate, toCsv, type CohortSource } from "./deidentify";

const source = (over: {
  sex?: string;
  birthDate?: string;
  family?: string;
  indication?: string;
  country?: string;
}): CohortSource => ({
  caseData: {
    patient: {
      familyName: over.family ?? "김",
      givenName: "민준",
      birthDate: over.birthDate ?? "1960-05-01",
      sex: over.sex ?? "male",
      residenceCountry: over.country ?? "KR",
    },
    diagnosis: { indication: over.indication ?? "prostate" },
    referredOn: "2026-11-02",
  },
  submittedAt: "2026-11-02T01:00:00.000Z",
  statusChangedAt: "2026-11-20T01:00:00.000Z",
  status: "accepted",
  site: "konyang",
  decision: { outcome: "likely_eligible", coverage: "jp_insurance", rulesetVersion: "kq-2026-12" },
});

describe("de-identification", () => {
  it("bands ages by five years, 90 and over as one band", () => {
    expect([
      ageBand(0),
      ageBand(4),
      ageBand(5),
      ageBand(64),
      ageBand(65),
      ageBand(89),
      ageBand(90),
      ageBand(104),
      ageBand(null),
    ]).toEqual(["0-4", "0-4", "5-9", "60-64", "65-69", "85-89", "90+", "90+", ""]);
  });

  it("shifts dates and instants by whole days across months and years", () => {
    expect(shiftDate("2026-12-30", 5)).toBe("2027-01-04");
    expect(shiftDate("2026-03-01T23:59:00Z", -1)).toBe("2026-02-28");
    expect(shiftDate(undefined, 3)).toBe("");
  });

  it("suppresses every row of a quasi-identifier group smaller than k and counts them", () => {
    let n = 0;
    const random = { id: () => `r${n++}`, shiftDays: () => 10 };
    const five = [1, 2, 3, 4, 5].map((i) => source({ family: `p${i}` }));
    const odd = [source({ family: "x", sex: "female" }), source({ family: "y", birthDate: "1950-01-01" })];
    const cohort = deidentifiedCohort([...five, ...odd], random);
    expect(cohort.rows).toHaveLength(5);
    expect(cohort.suppressed).toBe(2);
    expect(cohort.rows.every((r) => r.age_band === "65-69" && r.sex === "male" && r.indication === "prostate")).toBe(
      true,
    );
    expect(deidentifiedCohort(five.slice(0, 4), random)).toMatchObject({ rows: [], suppressed: 4 });
  });

  it("gives one patient one pseudonym and one shift, keeping the interval between their dates", () => {
    let n = 0;
    const shifts = [40, -7];
    const cohort = deidentifiedCohort(
      [1, 2, 3, 4, 5].map(() => source({})).concat([1, 2, 3, 4, 5].map(() => source({ family: "이" }))),
      { id: () => `r${n++}`, shiftDays: () => shifts.shift() ?? 99 },
    );
    const byPatient = new Map<string, Set<string>>();
    for (const row of cohort.rows)
      byPatient.set(row.patient_id, (byPatient.get(row.patient_id) ?? new Set()).add(row.referred_on));
    expect([...byPatient.values()].map((dates) => [...dates])).toEqual(
      expect.arrayContaining([["2026-12-12"], ["2026-10-26"]]),
    );
    for (const row of cohort.rows)
      expect((Date.parse(row.status_changed_on) - Date.parse(row.submitted_on)) / 86_400_000).toBe(18);
  });

  it("writes RFC 4180 CSV and defuses cells a spreadsheet would run as a formula", () => {
    let n = 0;
    const [row] = deidentifiedCohort(
      [1, 2, 3, 4, 5].map(() => source({})),
      { id: () => `r${n++}`, shiftDays: () => 1 },
    ).rows;
    const csv = toCsv([{ ...row!, stage: '=HYPERLINK("x")', tnm_t: "T2, a", ecog: "-1" }]);
    const line = csv.split("\r\n")[1]!;
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"T2, a"');
    expect(line).toContain(",-1,");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
