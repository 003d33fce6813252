// Interprets a rule set (data) against one case. Pure and fast: each rule set is compiled once into, per
// indication, the list of criterion evaluators that apply, so a screen is a loop over small closures.
import { subtractMonths } from "../case/dates";
import type { Indication, ScreenCase } from "../case/schema";
import { indications } from "../case/schema";
import { jp2024_06 } from "./rulesets/jp-2024-06";
import { parseM, parseN, parseStage, parseT, positionFromTnm, stagePosition } from "./staging";
import type {
  Coverage,
  CriterionDef,
  CriterionResult,
  CriterionRule,
  CriterionStatus,
  CriterionValue,
  IndicationRule,
  Outcome,
  RuleSet,
} from "./types";

export type Evaluation = {
  rulesetVersion: string;
  outcome: Outcome;
  coverage: Coverage;
  criteria: CriterionResult[];
  missing: string[];
};

type Evaluator = (c: ScreenCase, indication: Indication) => CriterionResult;
type Getter = (c: ScreenCase) => unknown;

function getter(path: string): Getter {
  const keys = path.split(".");
  return (c) => {
    let value: unknown = c;
    for (const key of keys) {
      if (value === null || value === undefined) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/** Is an insured indication covered for a referral dated `referredOn`? */
export function insuredOn(rule: IndicationRule, referredOn: unknown): boolean {
  return rule.programme === "insurance" && typeof referredOn === "string" && (rule.since === undefined || referredOn >= rule.since);
}

function compileCriterion(def: CriterionDef, ruleset: RuleSet): Evaluator {
  const source = def.sources[0];
  const rule: CriterionRule = def.rule;

  /** Builds results; `fields` and `missing` arrays are shared by every result of this criterion, so they are frozen. */
  const make = (fields: string[]) => {
    Object.freeze(fields);
    const ok = (status: CriterionStatus, value: CriterionValue | undefined, expected: string | undefined): CriterionResult => {
      const r: CriterionResult = { id: def.id, status, fields };
      if (value !== undefined) r.value = value;
      if (expected !== undefined) r.expected = expected;
      if (source !== undefined) r.source = source;
      return r;
    };
    const unknown = (missing: string[], value: CriterionValue | undefined, expected: string | undefined): CriterionResult => {
      const r = ok("unknown", value, expected);
      r.missing = Object.isFrozen(missing) ? missing : (Object.freeze(missing) as string[]);
      return r;
    };
    return { ok, unknown };
  };

  switch (rule.kind) {
    case "boolean": {
      const fields = [rule.field];
      const get = getter(rule.field);
      const expected = rule.onTrue === "met" ? "true" : "false";
      const { ok, unknown } = make(fields);
      return (c) => {
        const v = get(c);
        if (typeof v !== "boolean") return unknown(fields, undefined, expected);
        return ok(v ? rule.onTrue : rule.onFalse, v, expected);
      };
    }
    case "minimum": {
      const fields = [rule.field];
      const get = getter(rule.field);
      const expected = `>=${rule.min} ${rule.unit}`;
      const { ok, unknown } = make(fields);
      return (c) => {
        const v = get(c);
        if (!isNumber(v)) return unknown(fields, undefined, expected);
        return ok(v >= rule.min ? "met" : rule.below, v, expected);
      };
    }
    case "maximum": {
      const fields = [rule.field];
      const get = getter(rule.field);
      const expected = `<=${rule.max} ${rule.unit}`;
      const { ok, unknown } = make(fields);
      return (c) => {
        const v = get(c);
        if (!isNumber(v)) return unknown(fields, undefined, expected);
        return ok(v <= rule.max ? "met" : rule.above, v, expected);
      };
    }
    case "range": {
      const fields = [rule.field];
      const get = getter(rule.field);
      const expected = `${rule.min}-${rule.max}`;
      const { ok, unknown } = make(fields);
      return (c) => {
        const v = get(c);
        if (!isNumber(v)) return unknown(fields, undefined, expected);
        return ok(v >= rule.min && v <= rule.max ? "met" : rule.outside, v, expected);
      };
    }
    case "choice": {
      const fields = [rule.field];
      const get = getter(rule.field);
      const expectedOf = (statuses: Readonly<Record<string, CriterionStatus>>) =>
        Object.keys(statuses)
          .filter((k) => statuses[k] === "met")
          .join("|");
      const { ok, unknown } = make(fields);
      return (c, indication) => {
        const statuses = rule.byIndication?.[indication] ?? rule.statuses;
        const expected = expectedOf(statuses);
        const v = get(c);
        const status = typeof v === "string" && Object.hasOwn(statuses, v) ? statuses[v] : undefined;
        if (status === undefined) return unknown(fields, typeof v === "string" ? v : undefined, expected);
        return ok(status, v as string, expected);
      };
    }
    case "indication_listed": {
      const fields = ["diagnosis.indication", "referredOn"];
      const { ok } = make(fields);
      return (c, indication) => {
        const entry = ruleset.indications[indication];
        if (entry.programme !== "insurance") return ok("flag", indication, "insurance_list");
        const expected = entry.since === undefined ? "insurance_list" : `>=${entry.since}`;
        return ok(insuredOn(entry, c.referredOn) ? "met" : "flag", c.referredOn, expected);
      };
    }
    case "distant_metastasis": {
      const sitesPath = "diagnosis.distantMetastasisSites";
      const spreadPath = "diagnosis.peritonealOrMeningealSpread";
      const mPath = "diagnosis.tnm.m";
      const fields = [sitesPath, spreadPath, mPath];
      const getSites = getter(sitesPath);
      const getSpread = getter(spreadPath);
      const getM = getter(mPath);
      const { ok, unknown } = make(fields);
      const missSites = [sitesPath];
      const missSpread = [spreadPath];
      const oligoMax = rule.oligometastasisMaxSites;
      return (c, indication) => {
        const sites = getSites(c);
        const spread = getSpread(c);
        const mText = getM(c);
        const m = parseM(mText);
        const m1 = m?.kind === "number" && m.number >= 1;
        const m0 = m?.kind === "number" && m.number === 0;
        const known = isNumber(sites);
        if (rule.m0Required.includes(indication)) {
          // NOTE: "without metastasis" — any positive evidence (a site, M1, peritoneal spread) excludes.
          if (known && sites >= 1) return ok("not_met", sites, "0");
          if (m1) return ok("not_met", String(mText), "M0");
          if (spread === true) return ok("not_met", "peritoneal_or_meningeal_spread", "0");
          if (known) return ok("met", sites, "0");
          if (m0) return ok("met", String(mText), "M0");
          return unknown(missSites, undefined, "0");
        }
        const oligoIsIndication = rule.oligometastasisIndications.includes(indication);
        const expected = oligoIsIndication ? `0-${oligoMax}` : "0";
        if (spread === true) return ok("not_met", "peritoneal_or_meningeal_spread", expected);
        if (!known) {
          if (m0) return ok("met", String(mText), "M0");
          return unknown(missSites, undefined, expected);
        }
        if (sites > oligoMax) return ok("not_met", sites, expected);
        if (sites === 0) return ok("met", sites, expected);
        // 1..oligoMax sites: peritoneal or meningeal spread would exclude, so it must be known.
        if (spread !== false) return unknown(missSpread, sites, expected);
        return ok(oligoIsIndication ? "met" : "flag", sites, expected);
      };
    }
    case "prior_radiotherapy": {
      const kindPath = "history.priorRadiotherapy";
      const endPath = "history.priorRadiotherapyEndedOn";
      const fields = [kindPath, endPath, "referredOn"];
      const getKind = getter(kindPath);
      const getEnd = getter(endPath);
      const { ok, unknown } = make(fields);
      const missKind = [kindPath];
      const missEnd = [endPath];
      return (c) => {
        const kind = getKind(c);
        if (kind === "none" || kind === "other_site") return ok("met", kind, "none|other_site");
        if (kind !== "same_site") return unknown(missKind, kind === "unknown" ? "unknown" : undefined, "none|other_site");
        // NOTE: "ended < 6 months ago" counts back from the referral date, never from the clock.
        const cutoff = typeof c.referredOn === "string" ? subtractMonths(c.referredOn, rule.minMonthsSinceSameSite) : null;
        const expected = cutoff === null ? undefined : `<=${cutoff}`;
        const ended = getEnd(c);
        if (typeof ended !== "string" || cutoff === null) return unknown(missEnd, "same_site", expected);
        return ok(ended > cutoff ? "not_met" : "flag", ended, expected);
      };
    }
    case "stage": {
      const stagePath = "diagnosis.stage";
      const fields = rule.derive ? [stagePath, "diagnosis.tnm.t", "diagnosis.tnm.n", "diagnosis.tnm.m"] : [stagePath];
      const getStage = getter(stagePath);
      const getTnm = getter("diagnosis.tnm");
      const expected = rule.from === rule.to ? rule.from : `${rule.from}-${rule.to}`;
      const { ok, unknown } = make(fields);
      const miss = [stagePath];
      const statusOf = (position: "inside" | "outside") => (position === "inside" ? "met" : rule.outside);
      return (c) => {
        const text = getStage(c);
        const stage = parseStage(text);
        const position = stage ? stagePosition(stage, rule.from, rule.to) : null;
        if (position === "inside" || position === "outside") return ok(statusOf(position), String(text), expected);
        if (rule.derive) {
          const tnm = getTnm(c);
          if (tnm && typeof tnm === "object") {
            const t = tnm as { t?: unknown; n?: unknown; m?: unknown };
            const derived = positionFromTnm(rule.derive, t);
            if (derived === "inside" || derived === "outside") {
              const value = [t.t, t.n, t.m].filter(isText).join(" ");
              return ok(statusOf(derived), value, expected);
            }
          }
        }
        return unknown(miss, isText(text) ? text : undefined, expected);
      };
    }
    case "histology_at_subsite": {
      const histologyPath = "diagnosis.histology";
      const subsitePath = "diagnosis.subsite";
      const fields = [histologyPath, subsitePath];
      const getHistology = getter(histologyPath);
      const getSubsite = getter(subsitePath);
      const expected = `!${rule.histology}@${rule.subsites.join("|")}`;
      const { ok, unknown } = make(fields);
      return (c) => {
        const histology = getHistology(c);
        const subsite = getSubsite(c);
        const excludedSite = typeof subsite === "string" ? rule.subsites.includes(subsite) : undefined;
        if (excludedSite === false) return ok("met", subsite as string, expected);
        if (typeof histology === "string" && histology !== rule.histology) return ok("met", histology, expected);
        if (histology === rule.histology && excludedSite === true) return ok("not_met", `${histology}@${subsite as string}`, expected);
        const missing = typeof histology === "string" ? [subsitePath] : typeof subsite === "string" ? [histologyPath] : fields;
        return unknown(missing, undefined, expected);
      };
    }
    case "node_negative": {
      const path = "diagnosis.tnm.n";
      const fields = [path];
      const get = getter(path);
      const { ok, unknown } = make(fields);
      return (c) => {
        const text = get(c);
        const n = parseN(text);
        if (n?.kind === "number") return ok(n.number === 0 ? "met" : "not_met", String(text), "N0");
        return unknown(fields, isText(text) ? text : undefined, "N0");
      };
    }
    case "known": {
      const fields = [...rule.fields];
      const getters = fields.map((path) => ({ path, get: getter(path) }));
      const { ok, unknown } = make(fields);
      const isKnown = (path: string, v: unknown) => {
        if (path.endsWith(".t")) {
          const t = parseT(v);
          return t !== null && t.kind !== "x";
        }
        return isNumber(v) || (typeof v === "string" && v.trim() !== "");
      };
      return (c) => {
        const missing: string[] = [];
        const values: string[] = [];
        for (const { path, get } of getters) {
          const v = get(c);
          if (isKnown(path, v)) values.push(String(v));
          else missing.push(path);
        }
        if (missing.length > 0) return unknown(missing, undefined, "known");
        return ok("met", values.join(" / "), "known");
      };
    }
  }
}

type Compiled = Record<Indication, { defs: CriterionDef[]; evaluators: Evaluator[] }>;

const compiledCache = new WeakMap<RuleSet, Compiled>();

function compile(ruleset: RuleSet): Compiled {
  const cached = compiledCache.get(ruleset);
  if (cached) return cached;
  const evaluators = new Map(ruleset.criteria.map((def) => [def, compileCriterion(def, ruleset)]));
  const out = {} as Compiled;
  for (const indication of indications) {
    const defs = criteriaFor(indication, ruleset);
    out[indication] = { defs, evaluators: defs.map((def) => evaluators.get(def) as Evaluator) };
  }
  compiledCache.set(ruleset, out);
  return out;
}

/** The criteria of a rule set that apply to an indication, in the rule set's order (for the UI and the engine). */
export function criteriaFor(indication: Indication, ruleset: RuleSet = jp2024_06): CriterionDef[] {
  return ruleset.criteria.filter((def) =>
    def.appliesTo === "all" ? !(def.except ?? []).includes(indication) : def.appliesTo.includes(indication),
  );
}

/** The indications a criterion applies to. */
export function indicationsOf(def: CriterionDef): Indication[] {
  return indications.filter((indication) =>
    def.appliesTo === "all" ? !(def.except ?? []).includes(indication) : def.appliesTo.includes(indication),
  );
}

/** Any not_met → not_eligible; else any unknown or flag → needs_review; else likely_eligible. */
export function outcomeOf(criteria: readonly CriterionResult[]): Outcome {
  let review = false;
  for (const r of criteria) {
    if (r.status === "not_met") return "not_eligible";
    if (r.status !== "met") review = true;
  }
  return review ? "needs_review" : "likely_eligible";
}

const coverageRank: Record<Coverage, number> = { none: 0, case_by_case: 1, jp_advanced_care: 2, jp_insurance: 3 };

/**
 * The programme the case is on, given what is known. Unknown data does not move it (the outcome already says
 * "needs review" and lists what is missing); a flag on a tier criterion (HCC < 40 mm, lung beyond IIA) moves it
 * down; an insured indication referred before its start date is case by case.
 */
export function coverageOf(
  outcome: Outcome,
  indication: Indication,
  referredOn: unknown,
  defs: readonly CriterionDef[],
  criteria: readonly CriterionResult[],
  ruleset: RuleSet = jp2024_06,
): Coverage {
  if (outcome === "not_eligible") return "none";
  const entry = ruleset.indications[indication];
  let coverage: Coverage =
    entry.programme === "insurance"
      ? insuredOn(entry, referredOn)
        ? "jp_insurance"
        : "case_by_case"
      : entry.programme === "advanced_care"
        ? "jp_advanced_care"
        : "case_by_case";
  for (let i = 0; i < defs.length; i++) {
    const downgrade = defs[i]?.coverageOnFlag;
    if (downgrade && criteria[i]?.status === "flag" && coverageRank[downgrade] < coverageRank[coverage]) coverage = downgrade;
  }
  return coverage;
}

/** Every case path that unknown criteria need, once each, in criterion order. */
export function missingOf(criteria: readonly CriterionResult[]): string[] {
  const out: string[] = [];
  for (const r of criteria) {
    if (r.status !== "unknown" || !r.missing) continue;
    for (const path of r.missing) if (!out.includes(path)) out.push(path);
  }
  return out;
}

/** Evaluates a case against a rule set: every applicable criterion, the outcome, the coverage, what is missing. */
export function evaluate(c: ScreenCase, ruleset: RuleSet = jp2024_06): Evaluation {
  const indication = c.diagnosis.indication;
  const entry = compile(ruleset)[indication];
  const criteria = entry.evaluators.map((evaluateCriterion) => evaluateCriterion(c, indication));
  const outcome = outcomeOf(criteria);
  return {
    rulesetVersion: ruleset.version,
    outcome,
    coverage: coverageOf(outcome, indication, c.referredOn, entry.defs, criteria, ruleset),
    criteria,
    missing: missingOf(criteria),
  };
}

/** A stable translation key per criterion for "what would change the answer" (locales/{ko,ja,en}/screen.json). */
export const resolveKey = (id: string) => `screen:criteria.${id}.resolve`;
