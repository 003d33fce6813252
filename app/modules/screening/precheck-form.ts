// The pre-check form: which questions it asks, which of them matter for a case, and how the typed answers (strings)
// become a case for the screen. The questions are the field catalogue's (app/domain/case/field-catalogue.ts) that
// have a pre-check group. Pure (no server code), so it is unit-tested and runs in the browser too.
import { isIsoDate } from "~/domain/case/dates";
import { pathsRead } from "~/domain/case/field-applicability";
import { fieldCatalogue, type FieldKind, type PrecheckGroup } from "~/domain/case/field-catalogue";
import {
  indications,
  issuesOf,
  screenCaseSchema,
  validationKeys,
  type CaseIssue,
  type Indication,
  type ScreenCase,
} from "~/domain/case/schema";
import { valueOf } from "~/modules/intake/answer-values";

/** The radio value that stands for "not known": the field is then left out of the case (absent means unknown). */
export const UNKNOWN = "unknown";

export type { FieldKind } from "~/domain/case/field-catalogue";
export type PrecheckField = { path: string; kind: FieldKind };
export type PrecheckSection = { id: PrecheckGroup; fields: PrecheckField[] };

/** The pre-check asks for a choice where the form asks for a consent, and always offers "not known". */
function precheckKind(kind: FieldKind): FieldKind {
  if (kind.type === "consent") return { type: "yesNoUnknown" };
  if (kind.type === "radio" && !kind.options.includes(UNKNOWN)) return { ...kind, unknownOption: true };
  return kind;
}

const groups: PrecheckGroup[] = [
  "indication",
  "diagnosis",
  "extent",
  "organs",
  "liver",
  "history",
  "condition",
  "routing",
];

/** The questions, grouped as an oncologist reads a case: indication, diagnosis, extent, neighbours, liver, history, patient, route. */
export const precheckSections: PrecheckSection[] = groups.map((id) => ({
  id,
  fields: fieldCatalogue
    .filter((field) => field.precheck === id)
    .map((field) => ({ path: field.path, kind: precheckKind(field.kind) })),
}));

export const precheckFields: PrecheckField[] = precheckSections.flatMap((s) => s.fields);
const fieldOrder = new Map(precheckFields.map((f, i) => [f.path, i]));

/**
 * Asked whatever the case: the indication, the date the rules count from, what routing and funding read, and the
 * patient's sex (it decides whether pregnancy is asked).
 */
const alwaysAsked = [
  "diagnosis.indication",
  "referredOn",
  "patient.residenceCountry",
  "patient.insurance",
  "preferences.site",
  "consent.crossBorder",
  "patient.sex",
];

export function isIndication(value: unknown): value is Indication {
  return typeof value === "string" && (indications as readonly string[]).includes(value);
}

/** The facts of the posted answers that decide which questions apply. */
export type PrecheckFacts = {
  indication: Indication | null;
  sex?: string;
  metastases?: { organ: string }[];
  referredOn?: string;
};

const relevantCache = new Map<string, Set<string>>();

/**
 * The questions that can change the answer for a case: exactly the case paths its criteria read (criteria that do
 * not apply to it read none of theirs), found by screening the deciding facts, so the form follows the rule set
 * without a second list to keep. Without an indication: the questions every indication asks.
 */
export function relevantPaths(about: Indication | null | PrecheckFacts, today = "2026-12-06"): Set<string> {
  const facts: PrecheckFacts = about === null || typeof about === "string" ? { indication: about } : about;
  const key = JSON.stringify(facts);
  const cached = relevantCache.get(key);
  if (cached) return cached;
  const read = (indication: Indication) =>
    pathsRead({ ...facts, indication }, facts.referredOn && isIsoDate(facts.referredOn) ? facts.referredOn : today);
  let paths: Set<string>;
  if (facts.indication) {
    paths = new Set(read(facts.indication));
  } else {
    const each = indications.map(read);
    paths = new Set([...each[0]!].filter((p) => each.every((set) => set.has(p))));
  }
  for (const p of alwaysAsked) paths.add(p);
  // Only questions the form has (a criterion may read a path the pre-check leaves to the full referral).
  const asked = new Set(precheckFields.map((f) => f.path).filter((p) => paths.has(p)));
  if (relevantCache.size > 200) relevantCache.clear();
  relevantCache.set(key, asked);
  return asked;
}

/** The deciding facts of posted (flat) answers. */
export function precheckFacts(values: Record<string, string>): PrecheckFacts {
  const indication = values["diagnosis.indication"];
  const organs = Object.entries(values)
    .filter(([name, value]) => /^diagnosis\.metastases\.\d+\.organ$/.test(name) && value !== "")
    .map(([, organ]) => ({ organ }));
  const facts: PrecheckFacts = { indication: isIndication(indication) ? indication : null };
  if (values["patient.sex"]) facts.sex = values["patient.sex"];
  if (organs.length) facts.metastases = organs;
  return facts;
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
 * The typed answers (flat, as posted) as a case: only the questions that matter for this case (a hidden answer from
 * another indication never changes or blocks the screen), booleans from yes/no, numbers from text (full-width
 * digits accepted), "not known" left out, list rows as items. A number that is not one is reported here.
 */
export function caseFromForm(
  values: Record<string, string>,
  today?: string,
): { draft: Record<string, unknown>; issues: CaseIssue[] } {
  const relevant = relevantPaths(precheckFacts(values), today);
  // The diagnosis is always there, so a missing indication is reported on the indication field itself.
  const draft: Record<string, unknown> = { diagnosis: {} };
  const issues: CaseIssue[] = [];
  for (const field of precheckFields) {
    if (!relevant.has(field.path)) continue;
    const { kind, path } = field;
    if (kind.type === "number") {
      const text = (values[path] ?? "").trim();
      if (text === "") continue;
      if (!numberPattern.test(text.normalize("NFKC").replace(/\s+/g, ""))) {
        issues.push({ path, code: "invalid_type", messageKey: validationKeys.invalidNumber });
        continue;
      }
    }
    // The referral date is a date the rules count from: given as typed (blank parts included) or absent.
    const value = valueOf(kind, path, values, values["patient.residenceCountry"]);
    if (value !== undefined) set(draft, path, value);
  }
  return { draft, issues };
}

export type PrecheckParse = { ok: true; case: ScreenCase } | { ok: false; issues: CaseIssue[] };

/** The answers checked with the very schema the JSON door and the command line use; issues in the form's order. */
export function parsePrecheck(values: Record<string, string>, today?: string): PrecheckParse {
  const { draft, issues } = caseFromForm(values, today);
  const parsed = screenCaseSchema.safeParse(draft);
  if (parsed.success && issues.length === 0) return { ok: true, case: parsed.data };
  const all = [...issues];
  if (!parsed.success)
    for (const issue of issuesOf(parsed.error)) if (!all.some((i) => i.path === issue.path)) all.push(issue);
  const rank = (path: string) => fieldOrder.get(path.replace(/\.\d+\.[A-Za-z]+$/, "")) ?? 999;
  all.sort((a, b) => rank(a.path) - rank(b.path));
  return { ok: false, issues: all };
}
