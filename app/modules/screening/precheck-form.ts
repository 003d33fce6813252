// The pre-check form: which questions it asks, which of them matter for an indication, and how the typed answers
// (strings) become a case for the screen. Pure (no server code), so it is unit-tested and could run in a browser.
import {
  childPughClasses,
  diagnosisStatuses,
  headNeckSubsites,
  histologies,
  indications,
  issuesOf,
  priorRadiotherapyValues,
  resectability,
  screenCaseSchema,
  sitePreferences,
  validationKeys,
  type CaseIssue,
  type Indication,
  type ScreenCase,
} from "~/domain/case/schema";
import { evaluate } from "~/domain/eligibility/evaluate";

/** The radio value that stands for "not known": the field is then left out of the case (absent means unknown). */
export const UNKNOWN = "unknown";

export type FieldKind =
  | { type: "yesNoUnknown" }
  | { type: "number"; unit?: "mm" | "ngMl"; integer?: boolean }
  | { type: "select"; options: readonly string[] }
  /** Radios; `unknownOption` adds a "not known" radio that leaves the field out of the case. */
  | { type: "radio"; options: readonly string[]; unknownOption?: boolean }
  | { type: "text" }
  | { type: "date" }
  | { type: "country" };

export type PrecheckField = { path: string; kind: FieldKind };
export type PrecheckSection = { id: string; fields: PrecheckField[] };

const yesNoUnknown: FieldKind = { type: "yesNoUnknown" };
const ecogScores = ["0", "1", "2", "3", "4"] as const;

/** The questions, grouped as an oncologist reads a case: indication, diagnosis, extent, neighbours, history, patient, route. */
export const precheckSections: PrecheckSection[] = [
  {
    id: "indication",
    fields: [
      { path: "diagnosis.indication", kind: { type: "select", options: indications } },
      { path: "referredOn", kind: { type: "date" } },
    ],
  },
  {
    id: "diagnosis",
    fields: [
      { path: "diagnosis.histologicallyConfirmed", kind: yesNoUnknown },
      { path: "diagnosis.haematological", kind: yesNoUnknown },
      { path: "diagnosis.histology", kind: { type: "select", options: histologies } },
      { path: "diagnosis.subsite", kind: { type: "select", options: headNeckSubsites } },
      { path: "diagnosis.status", kind: { type: "radio", options: diagnosisStatuses, unknownOption: true } },
      { path: "diagnosis.anastomoticRecurrence", kind: yesNoUnknown },
      { path: "diagnosis.resectable", kind: { type: "radio", options: resectability } },
    ],
  },
  {
    id: "extent",
    fields: [
      { path: "diagnosis.maxDiameterMm", kind: { type: "number", unit: "mm" } },
      { path: "diagnosis.stage", kind: { type: "text" } },
      { path: "diagnosis.tnm.t", kind: { type: "text" } },
      { path: "diagnosis.tnm.n", kind: { type: "text" } },
      { path: "diagnosis.tnm.m", kind: { type: "text" } },
      { path: "diagnosis.psaNgMl", kind: { type: "number", unit: "ngMl" } },
      { path: "diagnosis.gleasonScore", kind: { type: "number", integer: true } },
      { path: "diagnosis.distantMetastasisSites", kind: { type: "number", integer: true } },
      { path: "diagnosis.peritonealOrMeningealSpread", kind: yesNoUnknown },
      { path: "diagnosis.childPugh", kind: { type: "radio", options: childPughClasses, unknownOption: true } },
      { path: "diagnosis.ascites", kind: yesNoUnknown },
    ],
  },
  {
    id: "organs",
    fields: [
      { path: "diagnosis.invadesGiTract", kind: yesNoUnknown },
      { path: "diagnosis.abutsGiTract", kind: yesNoUnknown },
      { path: "diagnosis.invadesSpinalCord", kind: yesNoUnknown },
    ],
  },
  {
    id: "history",
    fields: [
      { path: "history.priorRadiotherapy", kind: { type: "radio", options: priorRadiotherapyValues } },
      { path: "history.priorRadiotherapyEndedOn", kind: { type: "date" } },
    ],
  },
  {
    id: "condition",
    fields: [
      { path: "clinical.ecog", kind: { type: "radio", options: ecogScores, unknownOption: true } },
      { path: "clinical.canLieStill30Min", kind: yesNoUnknown },
      { path: "clinical.activeInfectionInField", kind: yesNoUnknown },
      { path: "clinical.metalImplantInField", kind: yesNoUnknown },
      { path: "clinical.cardiacDevice", kind: yesNoUnknown },
      { path: "clinical.pregnant", kind: yesNoUnknown },
    ],
  },
  {
    id: "routing",
    fields: [
      { path: "patient.residenceCountry", kind: { type: "country" } },
      { path: "preferences.site", kind: { type: "radio", options: sitePreferences } },
      { path: "consent.crossBorder", kind: yesNoUnknown },
    ],
  },
];

export const precheckFields: PrecheckField[] = precheckSections.flatMap((s) => s.fields);
const fieldOrder = new Map(precheckFields.map((f, i) => [f.path, i]));

/** Asked whatever the indication: the indication itself, the date the rules count from, and what routing reads. */
const alwaysAsked = ["diagnosis.indication", "referredOn", "patient.residenceCountry", "preferences.site", "consent.crossBorder"];

export function isIndication(value: unknown): value is Indication {
  return typeof value === "string" && (indications as readonly string[]).includes(value);
}

const relevantCache = new Map<Indication | null, Set<string>>();

/**
 * The questions that can change the answer for an indication: exactly the case paths its criteria read, found by
 * screening an empty case of that indication, so the form follows the rule set without a second list to keep.
 * Without an indication: the questions every indication asks.
 */
export function relevantPaths(indication: Indication | null): Set<string> {
  const cached = relevantCache.get(indication);
  if (cached) return cached;
  const read = (i: Indication) => new Set(evaluate({ diagnosis: { indication: i }, referredOn: "2000-01-01" } as ScreenCase).criteria.flatMap((c) => c.fields));
  let paths: Set<string>;
  if (indication) {
    paths = read(indication);
  } else {
    const each = indications.map(read);
    paths = new Set([...each[0]!].filter((p) => each.every((set) => set.has(p))));
  }
  for (const p of alwaysAsked) paths.add(p);
  // Only questions the form has (a criterion may read a path the pre-check leaves to the full referral).
  const asked = new Set(precheckFields.map((f) => f.path).filter((p) => paths.has(p)));
  relevantCache.set(indication, asked);
  return asked;
}

function get(tree: unknown, path: string): unknown {
  let node = tree;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function set(tree: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The typed answers (nested by dotted names, blanks already dropped) as a case: only the questions that matter for
 * the chosen indication (a hidden answer from another indication never changes or blocks the screen), booleans from
 * yes/no, numbers from text (full-width digits accepted), "not known" left out.
 */
export function caseFromForm(answers: Record<string, unknown>): { draft: Record<string, unknown>; issues: CaseIssue[] } {
  const indication = get(answers, "diagnosis.indication");
  const relevant = relevantPaths(isIndication(indication) ? indication : null);
  // The diagnosis is always there, so a missing indication is reported on the indication field itself.
  const draft: Record<string, unknown> = { diagnosis: {} };
  const issues: CaseIssue[] = [];
  for (const field of precheckFields) {
    if (!relevant.has(field.path)) continue;
    const raw = get(answers, field.path);
    if (typeof raw !== "string") continue;
    const text = raw.trim();
    if (text === "") continue;
    const { kind } = field;
    switch (kind.type) {
      case "yesNoUnknown":
        if (text === "yes") set(draft, field.path, true);
        else if (text === "no") set(draft, field.path, false);
        else if (text !== UNKNOWN) set(draft, field.path, text); // not a choice: the schema says so
        break;
      case "radio":
        if (kind.unknownOption && text === UNKNOWN) break;
        set(draft, field.path, field.path === "clinical.ecog" && /^\d$/.test(text) ? Number(text) : text);
        break;
      case "number": {
        const normalised = text.normalize("NFKC").replace(/\s+/g, "");
        if (!numberPattern.test(normalised)) {
          issues.push({ path: field.path, code: "invalid_type", messageKey: validationKeys.invalidNumber });
          break;
        }
        set(draft, field.path, Number(normalised));
        break;
      }
      case "country":
        set(draft, field.path, text.toUpperCase());
        break;
      default:
        set(draft, field.path, text);
    }
  }
  return { draft, issues };
}

export type PrecheckParse = { ok: true; case: ScreenCase } | { ok: false; issues: CaseIssue[] };

/** The answers checked with the very schema the JSON door and the command line use; issues in the form's order. */
export function parsePrecheck(answers: Record<string, unknown>): PrecheckParse {
  const { draft, issues } = caseFromForm(answers);
  const parsed = screenCaseSchema.safeParse(draft);
  if (parsed.success && issues.length === 0) return { ok: true, case: parsed.data };
  const all = [...issues];
  if (!parsed.success) for (const issue of issuesOf(parsed.error)) if (!all.some((i) => i.path === issue.path)) all.push(issue);
  all.sort((a, b) => (fieldOrder.get(a.path) ?? 999) - (fieldOrder.get(b.path) ?? 999));
  return { ok: false, issues: all };
}
