// The criterion kinds of rule set jp-2024-06 (kept by kq-2026-12 where they still fit): each turns case fields into
// a status. Thresholds and statuses are data in the rule sets; this file only interprets them, one small compiler a
// kind, looked up in a table.
import { subtractMonths } from "../case/dates";
import type { Indication, ScreenCase } from "../case/schema";
import { getter, isNumber, isText, resultsOf } from "./criterion-results";
import { parseM, parseN, parseStage, parseT, positionFromTnm, stagePosition } from "./staging";
import type {
  CriterionDef,
  CriterionResult,
  CriterionRule,
  CriterionStatus,
  IndicationRule,
  RuleOf,
  RuleSet,
} from "./types";

export type Evaluator = (c: ScreenCase, indication: Indication) => CriterionResult;

/** Is an insured indication covered for a referral dated `referredOn`? */
export function insuredOn(rule: IndicationRule, referredOn: unknown): boolean {
  return (
    rule.programme === "insurance" &&
    typeof referredOn === "string" &&
    (rule.since === undefined || referredOn >= rule.since)
  );
}

type Compiler<K extends CriterionRule["kind"]> = (rule: RuleOf<K>, def: CriterionDef, ruleset: RuleSet) => Evaluator;

/** One case field read as it is: `unknown` unless `accept` takes the value, else the status `statusOf` gives. */
function oneField<V extends string | number | boolean>(
  def: CriterionDef,
  field: string,
  expected: string,
  accept: (v: unknown) => v is V,
  statusOf: (v: V) => CriterionStatus,
): Evaluator {
  const fields = [field];
  const get = getter(field);
  const { ok, unknown } = resultsOf(def, fields);
  return (c) => {
    const v = get(c);
    if (!accept(v)) return unknown(fields, undefined, expected);
    return ok(statusOf(v), v, expected);
  };
}

const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";

const boolean: Compiler<"boolean"> = (rule, def) =>
  oneField(def, rule.field, rule.onTrue === "met" ? "true" : "false", isBoolean, (v) =>
    v ? rule.onTrue : rule.onFalse,
  );

const minimum: Compiler<"minimum"> = (rule, def) =>
  oneField(def, rule.field, `>=${rule.min} ${rule.unit}`, isNumber, (v) => (v >= rule.min ? "met" : rule.below));

const maximum: Compiler<"maximum"> = (rule, def) =>
  oneField(def, rule.field, `<=${rule.max} ${rule.unit}`, isNumber, (v) => (v <= rule.max ? "met" : rule.above));

const range: Compiler<"range"> = (rule, def) =>
  oneField(def, rule.field, `${rule.min}-${rule.max}`, isNumber, (v) =>
    v >= rule.min && v <= rule.max ? "met" : rule.outside,
  );

/** The codes a choice accepts, as the screen writes them ("a|b"). */
export const metCodes = (statuses: Readonly<Record<string, CriterionStatus>>) =>
  Object.keys(statuses)
    .filter((k) => statuses[k] === "met")
    .join("|");

const choice: Compiler<"choice"> = (rule, def) => {
  const fields = [rule.field];
  const get = getter(rule.field);
  const { ok, unknown } = resultsOf(def, fields);
  return (c, indication) => {
    const statuses = rule.byIndication?.[indication] ?? rule.statuses;
    const expected = metCodes(statuses);
    const v = get(c);
    const status = typeof v === "string" && Object.hasOwn(statuses, v) ? statuses[v] : undefined;
    if (status === undefined) return unknown(fields, typeof v === "string" ? v : undefined, expected);
    return ok(status, v as string, expected);
  };
};

const indicationListed: Compiler<"indication_listed"> = (_rule, def, ruleset) => {
  const { ok } = resultsOf(def, ["diagnosis.indication", "referredOn"]);
  return (c, indication) => {
    const entry = ruleset.indications[indication];
    if (entry.programme !== "insurance") return ok("flag", indication, "insurance_list");
    const expected = entry.since === undefined ? "insurance_list" : `>=${entry.since}`;
    return ok(insuredOn(entry, c.referredOn) ? "met" : "flag", c.referredOn, expected);
  };
};

const sitesPath = "diagnosis.distantMetastasisSites";
const spreadPath = "diagnosis.peritonealOrMeningealSpread";

const distantMetastasis: Compiler<"distant_metastasis"> = (rule, def) => {
  const getSites = getter(sitesPath);
  const getSpread = getter(spreadPath);
  const getM = getter("diagnosis.tnm.m");
  const { ok, unknown } = resultsOf(def, [sitesPath, spreadPath, "diagnosis.tnm.m"]);
  const missSites = [sitesPath];
  const missSpread = [spreadPath];
  const oligoMax = rule.oligometastasisMaxSites;
  return (c, indication) => {
    const sites = getSites(c);
    const spread = getSpread(c);
    const mText = getM(c);
    const m = parseM(mText);
    const m0 = m?.kind === "number" && m.number === 0;
    const known = isNumber(sites);
    if (rule.m0Required.includes(indication)) {
      // NOTE: "without metastasis" — any positive evidence (a site, M1, peritoneal spread) excludes.
      if (known && sites >= 1) return ok("not_met", sites, "0");
      if (m?.kind === "number" && m.number >= 1) return ok("not_met", String(mText), "M0");
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
};

const priorRadiotherapy: Compiler<"prior_radiotherapy"> = (rule, def) => {
  const kindPath = "history.priorRadiotherapy";
  const endPath = "history.priorRadiotherapyEndedOn";
  const getKind = getter(kindPath);
  const getEnd = getter(endPath);
  const { ok, unknown } = resultsOf(def, [kindPath, endPath, "referredOn"]);
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
};

const stage: Compiler<"stage"> = (rule, def) => {
  const stagePath = "diagnosis.stage";
  const fields = rule.derive ? [stagePath, "diagnosis.tnm.t", "diagnosis.tnm.n", "diagnosis.tnm.m"] : [stagePath];
  const getStage = getter(stagePath);
  const getTnm = getter("diagnosis.tnm");
  const expected = rule.from === rule.to ? rule.from : `${rule.from}-${rule.to}`;
  const { ok, unknown } = resultsOf(def, fields);
  const miss = [stagePath];
  const statusOf = (position: "inside" | "outside") => (position === "inside" ? "met" : rule.outside);
  return (c) => {
    const text = getStage(c);
    const parsed = parseStage(text);
    const position = parsed ? stagePosition(parsed, rule.from, rule.to) : null;
    if (position === "inside" || position === "outside") return ok(statusOf(position), String(text), expected);
    const tnm = rule.derive ? getTnm(c) : undefined;
    if (rule.derive && tnm && typeof tnm === "object") {
      const t = tnm as { t?: unknown; n?: unknown; m?: unknown };
      const derived = positionFromTnm(rule.derive, t);
      if (derived === "inside" || derived === "outside") {
        const value = [t.t, t.n, t.m].filter(isText).join(" ");
        return ok(statusOf(derived), value, expected);
      }
    }
    return unknown(miss, isText(text) ? text : undefined, expected);
  };
};

const histologyAtSubsite: Compiler<"histology_at_subsite"> = (rule, def) => {
  const histologyPath = "diagnosis.histology";
  const subsitePath = "diagnosis.subsite";
  const fields = [histologyPath, subsitePath];
  const getHistology = getter(histologyPath);
  const getSubsite = getter(subsitePath);
  const expected = `!${rule.histology}@${rule.subsites.join("|")}`;
  const { ok, unknown } = resultsOf(def, fields);
  return (c) => {
    const histology = getHistology(c);
    const subsite = getSubsite(c);
    const excludedSite = typeof subsite === "string" ? rule.subsites.includes(subsite) : undefined;
    if (excludedSite === false) return ok("met", subsite as string, expected);
    if (typeof histology === "string" && histology !== rule.histology) return ok("met", histology, expected);
    if (histology === rule.histology && excludedSite === true)
      return ok("not_met", `${histology}@${subsite as string}`, expected);
    const missing =
      typeof histology === "string" ? [subsitePath] : typeof subsite === "string" ? [histologyPath] : fields;
    return unknown(missing, undefined, expected);
  };
};

const nodeNegative: Compiler<"node_negative"> = (_rule, def) => {
  const path = "diagnosis.tnm.n";
  const fields = [path];
  const get = getter(path);
  const { ok, unknown } = resultsOf(def, fields);
  return (c) => {
    const text = get(c);
    const n = parseN(text);
    if (n?.kind === "number") return ok(n.number === 0 ? "met" : "not_met", String(text), "N0");
    return unknown(fields, isText(text) ? text : undefined, "N0");
  };
};

/** A value is known: a T that is not Tx, or any number or non-blank text. */
const isKnown = (path: string, v: unknown) => {
  if (path.endsWith(".t")) {
    const t = parseT(v);
    return t !== null && t.kind !== "x";
  }
  return isNumber(v) || (typeof v === "string" && v.trim() !== "");
};

const known: Compiler<"known"> = (rule, def) => {
  const fields = [...rule.fields];
  const getters = fields.map((path) => ({ path, get: getter(path) }));
  const { ok, unknown } = resultsOf(def, fields);
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
};

type BasicKind = keyof typeof basicKinds;

const basicKinds = {
  boolean,
  minimum,
  maximum,
  range,
  choice,
  indication_listed: indicationListed,
  distant_metastasis: distantMetastasis,
  prior_radiotherapy: priorRadiotherapy,
  stage,
  histology_at_subsite: histologyAtSubsite,
  node_negative: nodeNegative,
  known,
} satisfies { [K in CriterionRule["kind"]]?: Compiler<K> };

/** The evaluator of a criterion of one of the kinds rule set jp-2024-06 introduced, or null for another kind. */
export function compileBasicCriterion(def: CriterionDef, ruleset: RuleSet): Evaluator | null {
  const kind = def.rule.kind;
  if (!Object.hasOwn(basicKinds, kind)) return null;
  const compiler = basicKinds[kind as BasicKind] as Compiler<BasicKind>;
  return compiler(def.rule as RuleOf<BasicKind>, def, ruleset);
}
