// The de-identified research cohort (issue #11, part 3). Pure: randomness comes in as a function, so a test can pin
// it and the service gives each export fresh ids and date shifts.
//
// What leaves: per-export random ids instead of reference codes; age in 5-year bands; dates shifted by one random
// offset per patient (intervals kept); coded clinical facts only. What never leaves: names, birth dates, contacts,
// record numbers, free text, files. Rows whose quasi-identifiers (age band, sex, residence country, indication) occur
// fewer than k times are suppressed, and how many is reported.

import { getPath } from "../case/paths";

export const K_ANONYMITY = 5;
export const quasiIdentifiers = ["age_band", "sex", "residence_country", "indication"] as const;

/** The released columns, in order; their meanings in ko/ja/en live in locales/*\/research.json (`columns.<name>`). */
export const researchColumns = [
  "research_id",
  "patient_id",
  "age_band",
  "sex",
  "residence_country",
  "indication",
  "histology",
  "icd10",
  "icdo3_morphology",
  "diagnosis_status",
  "resectable",
  "tnm_t",
  "tnm_n",
  "tnm_m",
  "tnm_edition",
  "stage",
  "max_diameter_mm",
  "distant_metastasis_sites",
  "psa_ng_ml",
  "gleason_score",
  "ecog",
  "child_pugh",
  "prior_radiotherapy",
  "urgency",
  "referred_on",
  "submitted_on",
  "status_changed_on",
  "screen_outcome",
  "coverage",
  "ruleset_version",
  "site",
  "status",
] as const;
export type ResearchColumn = (typeof researchColumns)[number];
export type ResearchRow = Record<ResearchColumn, string>;

/** One consented referral as stored: its case and the facts of its life in the portal. */
export type CohortSource = {
  caseData: Record<string, unknown>;
  submittedAt: string;
  statusChangedAt: string;
  status: string;
  site: string | null;
  decision: { outcome?: string; coverage?: string; rulesetVersion?: string } | null;
};

export type Random = { id: () => string; shiftDays: () => number };

const DAY_MS = 86_400_000;

const cell = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";

/** Whole years between two ISO dates. */
function ageOn(birthDate: string, day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(birthDate) || !/^\d{4}-\d{2}-\d{2}/.test(day)) return null;
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

/** "60-64": the 5-year band of an age; 90 and over are one band, as HIPAA's safe harbour does. */
export function ageBand(age: number | null): string {
  if (age === null || age < 0) return "";
  if (age >= 90) return "90+";
  const low = Math.floor(age / 5) * 5;
  return `${low}-${low + 4}`;
}

/** A date (or the date of an instant) moved by whole days; empty stays empty. */
export function shiftDate(value: unknown, days: number): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return "";
  return new Date(Date.parse(`${value.slice(0, 10)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Who the patient is, only to give the same patient one pseudonym and one shift within an export; never released. */
function patientKey(caseData: Record<string, unknown>): string {
  return JSON.stringify([
    getPath(caseData, "patient.familyName"),
    getPath(caseData, "patient.givenName"),
    getPath(caseData, "patient.birthDate"),
    getPath(caseData, "patient.sex"),
  ]);
}

function rowOf(source: CohortSource, patientId: string, shift: number, researchId: string): ResearchRow {
  const c = source.caseData;
  const referredOn = cell(getPath(c, "referredOn")) || source.submittedAt.slice(0, 10);
  return {
    research_id: researchId,
    patient_id: patientId,
    age_band: ageBand(ageOn(cell(getPath(c, "patient.birthDate")), referredOn)),
    sex: cell(getPath(c, "patient.sex")),
    residence_country: cell(getPath(c, "patient.residenceCountry")),
    indication: cell(getPath(c, "diagnosis.indication")),
    histology: cell(getPath(c, "diagnosis.histology")),
    icd10: cell(getPath(c, "diagnosis.icd10")),
    icdo3_morphology: cell(getPath(c, "diagnosis.icdO3Morphology")),
    diagnosis_status: cell(getPath(c, "diagnosis.status")),
    resectable: cell(getPath(c, "diagnosis.resectable")),
    tnm_t: cell(getPath(c, "diagnosis.tnm.t")),
    tnm_n: cell(getPath(c, "diagnosis.tnm.n")),
    tnm_m: cell(getPath(c, "diagnosis.tnm.m")),
    tnm_edition: cell(getPath(c, "diagnosis.tnm.edition")),
    stage: cell(getPath(c, "diagnosis.stage")),
    max_diameter_mm: cell(getPath(c, "diagnosis.maxDiameterMm")),
    distant_metastasis_sites: cell(getPath(c, "diagnosis.distantMetastasisSites")),
    psa_ng_ml: cell(getPath(c, "diagnosis.psaNgMl")),
    gleason_score: cell(getPath(c, "diagnosis.gleasonScore")),
    ecog: cell(getPath(c, "clinical.ecog")),
    child_pugh: cell(getPath(c, "diagnosis.childPugh")),
    prior_radiotherapy: cell(getPath(c, "history.priorRadiotherapy")),
    urgency: cell(getPath(c, "urgency")),
    referred_on: shiftDate(referredOn, shift),
    submitted_on: shiftDate(source.submittedAt, shift),
    status_changed_on: shiftDate(source.statusChangedAt, shift),
    screen_outcome: cell(source.decision?.outcome),
    coverage: cell(source.decision?.coverage),
    ruleset_version: cell(source.decision?.rulesetVersion),
    site: cell(source.site),
    status: source.status,
  };
}

export type Cohort = { rows: ResearchRow[]; suppressed: number; consented: number };

/**
 * The released rows of the consented referrals: pseudonymised, banded, shifted, and k-anonymous over the
 * quasi-identifiers (groups smaller than k are suppressed whole). Rows come out in random order, so their order
 * cannot tie them back to the referrals' submission order.
 */
export function deidentifiedCohort(sources: readonly CohortSource[], random: Random, k = K_ANONYMITY): Cohort {
  const patients = new Map<string, { id: string; shift: number }>();
  const rows = sources.map((source) => {
    const key = patientKey(source.caseData);
    let patient = patients.get(key);
    if (!patient) patients.set(key, (patient = { id: random.id(), shift: random.shiftDays() }));
    return rowOf(source, patient.id, patient.shift, random.id());
  });
  const groupOf = (row: ResearchRow) => quasiIdentifiers.map((q) => row[q]).join("\u0000");
  const sizes = new Map<string, number>();
  for (const row of rows) sizes.set(groupOf(row), (sizes.get(groupOf(row)) ?? 0) + 1);
  const kept = rows.filter((row) => (sizes.get(groupOf(row)) ?? 0) >= k);
  kept.sort((a, b) => (a.research_id < b.research_id ? -1 : 1));
  return { rows: kept, suppressed: rows.length - kept.length, consented: sources.length };
}

/** RFC 4180 CSV with a header row; a cell that could start a spreadsheet formula is prefixed with an apostrophe. */
export function toCsv(rows: readonly ResearchRow[]): string {
  const quote = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [researchColumns.join(","), ...rows.map((row) => researchColumns.map((c) => quote(row[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
