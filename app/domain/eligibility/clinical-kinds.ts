// The criterion kinds rule set kq-2026-12 adds (shared/domain/eligibility.md, K3–K8): rules that read several
// fields at once. Thresholds are data in the rule set; the clinical readings are recorded in ADR 0014.
import { subtractMonths } from "../case/dates";
import type { ScreenCase } from "../case/schema";
import type { Evaluator } from "./basic-kinds";
import { isText, resultsOf, type Results } from "./criterion-results";
import { cervixAdenoPosition, figoNeedsNodes, parseFigo } from "./figo";
import { albiGradeOf, childPughOf } from "./liver";
import { lungEditionOf, lungStageFromTnm, parseStageDetail, stagesAgree } from "./lung-staging";
import { parseM, parseN, parseStage, stagePosition } from "./staging";
import type { CriterionDef, CriterionRule, RuleOf } from "./types";
import {
  localisedDisease,
  metastaticLesions,
  metastaticOrganCount,
  metastaticOrgans,
  reirradiation,
} from "./spread-kinds";

/** The evaluator of a kq-2026-12 criterion kind, or null for another kind. */
export function compileClinicalCriterion(def: CriterionDef): Evaluator | null {
  const rule: CriterionRule = def.rule;
  switch (rule.kind) {
    case "head_neck_squamous":
      return headNeckSquamous(
        resultsOf(def, ["diagnosis.histology", "diagnosis.icdO3Morphology", "diagnosis.icd10", "diagnosis.subsite"]),
        rule.subsites,
      );
    case "liver_function":
      return liverFunction(resultsOf(def, liverFields));
    case "ascites":
      return ascites(resultsOf(def, ["diagnosis.ascites", "diagnosis.ascitesGrade"]), rule.present);
    case "cervix_adeno_figo":
      return cervixAdeno(resultsOf(def, ["diagnosis.stage"]));
    case "lung_stage":
      return lungStage(
        resultsOf(def, [
          "diagnosis.stage",
          "diagnosis.tnm.t",
          "diagnosis.tnm.n",
          "diagnosis.tnm.m",
          "diagnosis.tnm.edition",
          "referredOn",
        ]),
        rule.upTo,
      );
    case "localised_disease":
      return localisedDisease(
        resultsOf(def, ["diagnosis.metastases", "diagnosis.distantMetastasisSites", "diagnosis.tnm.m"]),
      );
    case "metastatic_organs":
      return metastaticOrgans(
        resultsOf(def, [
          "diagnosis.metastases",
          "diagnosis.distantMetastasisSites",
          "diagnosis.peritonealOrMeningealSpread",
          "diagnosis.tnm.m",
        ]),
        rule,
      );
    case "metastatic_lesions":
      return metastaticLesions(resultsOf(def, ["diagnosis.metastases"]), rule.maxLesions);
    case "reirradiation":
      return reirradiation(
        resultsOf(def, [
          "history.radiotherapyCourses",
          "history.priorRadiotherapy",
          "history.priorRadiotherapyEndedOn",
          "referredOn",
        ]),
        rule.months,
      );
    case "consistency":
      return consistency(def, rule.check);
    case "imaging_recent":
      return imagingRecent(resultsOf(def, ["diagnosis.imagingDate", "referredOn"]), rule.months);
    default:
      return null;
  }
}

// ── Head and neck squamous cell carcinoma (K6) ───────────────────────────────────────────────────────────────

/** ICD-O-3 morphology of the squamous family: 8050–8089 (with 8082 lymphoepithelial) and 8020–8021 undifferentiated. */
function squamousMorphology(code: unknown): boolean | undefined {
  if (typeof code !== "string") return undefined;
  const n = Number(code.slice(0, 4));
  if (!Number.isInteger(n)) return undefined;
  return (n >= 8050 && n <= 8089) || n === 8020 || n === 8021;
}

/** The head and neck subsite an ICD-10 code names (C00–C06 oral cavity, C09–C14 pharynx, C32 larynx, …). */
export function subsiteOfIcd10(code: unknown): string | undefined {
  if (typeof code !== "string") return undefined;
  const match = /^C(\d{2})/.exec(code.toUpperCase());
  if (!match) return undefined;
  const n = Number(match[1]);
  if (n <= 6) return "oral_cavity";
  if (n === 7 || n === 8) return "salivary_gland";
  if (n >= 9 && n <= 14) return "pharynx";
  if (n === 30 || n === 31) return "nasal_sinus";
  if (n === 32) return "larynx";
  if (n === 69) return "orbit";
  return undefined;
}

const isNasopharynx = (code: unknown) => typeof code === "string" && /^C11/i.test(code);

function headNeckSquamous(r: Results, subsites: readonly string[]): Evaluator {
  const expected = `!squamous_cell_carcinoma@${subsites.join("|")}`;
  return (c) => {
    const { histology, icdO3Morphology: morphology, icd10, subsite } = c.diagnosis;
    const byMorphology = squamousMorphology(morphology);
    // NOTE: the WHO classes nasopharyngeal carcinoma as squamous cell carcinoma, so `other` histology at C11 is one.
    const squamous =
      histology === "squamous_cell_carcinoma" || byMorphology === true
        ? true
        : byMorphology === false
          ? false
          : isNasopharynx(icd10) && (histology === "other" || histology == null)
            ? true
            : typeof histology === "string"
              ? false
              : undefined;
    const site = isNasopharynx(icd10) ? "pharynx" : (subsite ?? subsiteOfIcd10(icd10));
    const excludedSite = typeof site === "string" ? subsites.includes(site) : undefined;
    if (excludedSite === false) return r.ok("met", site as string, expected);
    if (squamous === false) return r.ok("met", String(morphology ?? histology), expected);
    if (squamous === true && excludedSite === true)
      return r.ok("not_met", `squamous_cell_carcinoma@${site as string}`, expected);
    const missing = squamous === undefined ? ["diagnosis.histology"] : ["diagnosis.subsite"];
    return r.unknown(missing, undefined, expected);
  };
}

// ── Liver (K5) ───────────────────────────────────────────────────────────────────────────────────────────────

const liverFields = [
  "diagnosis.childPugh",
  "diagnosis.labs.bilirubinMgDl",
  "diagnosis.labs.albuminGDl",
  "diagnosis.labs.inr",
  "diagnosis.ascites",
  "diagnosis.ascitesGrade",
  "clinical.encephalopathyGrade",
];

function ascitesOf(c: ScreenCase): boolean | undefined {
  const grade = c.diagnosis.ascitesGrade;
  if (typeof grade === "string") return grade !== "none";
  return typeof c.diagnosis.ascites === "boolean" ? c.diagnosis.ascites : undefined;
}

function liverInputs(c: ScreenCase) {
  const labs = c.diagnosis.labs ?? {};
  const ascites = ascitesOf(c);
  const ascitesGrade = c.diagnosis.ascitesGrade ?? (ascites === false ? "none" : undefined);
  return { ...labs, ascitesGrade, encephalopathyGrade: c.clinical?.encephalopathyGrade ?? undefined };
}

/** The class a case states, the class its laboratory values give, and the ALBI grade. */
export function liverFunctionOf(c: ScreenCase) {
  const inputs = liverInputs(c);
  const computed = childPughOf(inputs);
  const albi = albiGradeOf(inputs);
  return { given: c.diagnosis.childPugh ?? undefined, computed, albi };
}

function liverFunction(r: Results): Evaluator {
  return (c) => {
    const { given, computed, albi } = liverFunctionOf(c);
    const details: Record<string, string | number> = {};
    if (computed) {
      details.childPughPoints = computed.points;
      details.childPughComputed = computed.class;
    }
    if (albi !== null) details.albiGrade = albi;
    const extra = Object.keys(details).length > 0 ? { details } : undefined;
    // NOTE: computed from the laboratory values when all five are given; a disagreeing stated class is flagged
    // by consistency_child_pugh.
    const cls = computed?.class ?? given;
    if (cls === undefined) return r.unknown(["diagnosis.childPugh"], undefined, "A|B", extra);
    return r.ok(cls === "C" ? "not_met" : "met", cls, "A|B", extra);
  };
}

/** Ascites, stated or graded: `present` is the outcome when there is any. */
function ascites(r: Results, present: RuleOf<"ascites">["present"]): Evaluator {
  return (c) => {
    const a = ascitesOf(c);
    if (a === undefined) return r.unknown(["diagnosis.ascites"], undefined, "false");
    return r.ok(a ? present : "met", a, "false");
  };
}

/** The imaging is recent enough: taken within `months` before the referral. */
function imagingRecent(r: Results, months: number): Evaluator {
  return (c) => {
    const imaged = c.diagnosis.imagingDate;
    const cutoff = typeof c.referredOn === "string" ? subtractMonths(c.referredOn, months) : null;
    if (typeof imaged !== "string" || cutoff === null) return r.ok("not_applicable", undefined, undefined);
    return r.ok(imaged < cutoff ? "flag" : "met", imaged, `>=${cutoff}`);
  };
}

// ── Staging (K7) ─────────────────────────────────────────────────────────────────────────────────────────────

function cervixAdeno(r: Results): Evaluator {
  return (c) => {
    const text = c.diagnosis.stage;
    const figo = parseFigo(text);
    const position = figo ? cervixAdenoPosition(figo) : "ambiguous";
    const value = isText(text) ? text : undefined;
    switch (position) {
      case "locally_advanced":
        return r.ok("met", value, "II-IVA");
      case "bulky_ib3":
        return r.ok("flag", value, "II-IVA", { resolve: "cervix_ib3" });
      case "early":
      case "distant":
        return r.ok("flag", value, "II-IVA", { cap: "falls_through" });
      default:
        return r.unknown(["diagnosis.stage"], value, "II-IVA");
    }
  };
}

/** The stage a lung case states, else the one its T/N/M give in the edition in force, with that edition. */
function lungStageOf(c: ScreenCase) {
  const tnm = c.diagnosis.tnm ?? {};
  const edition = lungEditionOf(tnm.edition, c.referredOn);
  const derived = lungStageFromTnm(tnm, edition);
  return { stated: c.diagnosis.stage ?? undefined, derived, edition };
}

function lungStage(r: Results, upTo: string): Evaluator {
  const expected = `I-${upTo}`;
  return (c) => {
    const { stated, derived, edition } = lungStageOf(c);
    const details: Record<string, string> = { edition };
    if (derived) details.derivedStage = derived;
    for (const [text, value] of [
      [stated, stated],
      [derived, derived],
    ] as const) {
      const stage = parseStage(text);
      const position = stage ? stagePosition(stage, "I", upTo) : null;
      if (position === "inside") return r.ok("met", value, expected, { details });
      if (position === "outside") return r.ok("flag", value, expected, { details });
    }
    return r.unknown(["diagnosis.stage"], isText(stated) ? stated : undefined, expected, { details });
  };
}

// ── Consistency (K8) ─────────────────────────────────────────────────────────────────────────────────────────

type Check = RuleOf<"consistency">["check"];

/** The stated stage agrees with the one T/N/M give (lung), or with M1 meaning stage IV (any staging system). */
function stageConsistency(def: CriterionDef): Evaluator {
  const r = resultsOf(def, [
    "diagnosis.stage",
    "diagnosis.tnm.t",
    "diagnosis.tnm.n",
    "diagnosis.tnm.m",
    "diagnosis.tnm.edition",
  ]);
  return (c, indication) => {
    const stated = c.diagnosis.stage;
    if (!isText(stated)) return r.ok("not_applicable", undefined, undefined);
    if (indication === "lung") {
      const { derived, edition } = lungStageOf(c);
      const statedDetail = parseStageDetail(stated);
      const derivedDetail = parseStageDetail(derived);
      if (statedDetail && derivedDetail) {
        return r.ok(stagesAgree(statedDetail, derivedDetail) ? "met" : "flag", stated, derived ?? undefined, {
          details: { edition },
        });
      }
    }
    // Any staging system puts distant metastasis in stage IV.
    const m = parseM(c.diagnosis.tnm?.m);
    const group = parseStage(stated)?.group ?? parseFigo(stated)?.group;
    if (m?.kind === "number" && m.number >= 1 && group !== undefined)
      return r.ok(group === 4 ? "met" : "flag", stated, "IV");
    return r.ok("not_applicable", undefined, undefined);
  };
}

/** M0 goes with no metastatic organ, M1 with at least one. */
function metastasisConsistency(def: CriterionDef): Evaluator {
  const r = resultsOf(def, ["diagnosis.tnm.m", "diagnosis.metastases", "diagnosis.distantMetastasisSites"]);
  return (c) => {
    const m = parseM(c.diagnosis.tnm?.m);
    const organs = metastaticOrganCount(c);
    if (m?.kind !== "number" || organs === undefined) return r.ok("not_applicable", undefined, undefined);
    const agree = m.number === 0 ? organs === 0 : organs > 0;
    return r.ok(agree ? "met" : "flag", `${String(c.diagnosis.tnm?.m)} / ${organs}`, m.number === 0 ? "0" : ">=1");
  };
}

/** The N category fits the stated stage: lung stage groups and FIGO 2018 both say where nodes belong. */
function nodesConsistency(def: CriterionDef): Evaluator {
  const r = resultsOf(def, ["diagnosis.tnm.n", "diagnosis.stage"]);
  return (c, indication) => {
    const n = parseN(c.diagnosis.tnm?.n);
    const stated = c.diagnosis.stage;
    if (n?.kind !== "number" || !isText(stated)) return r.ok("not_applicable", undefined, undefined);
    const value = `${String(c.diagnosis.tnm?.n)} / ${stated}`;
    if (indication === "lung") {
      const stage = parseStageDetail(stated);
      if (!stage) return r.ok("not_applicable", undefined, undefined);
      // Stage 0 and I are node-negative in both editions; IIIB and IIIC need nodes.
      const needsN0 = stage.group <= 1;
      const needsNodes = stage.group === 3 && (stage.letter === 2 || stage.letter === 3);
      const bad = (needsN0 && n.number > 0) || (needsNodes && n.number === 0);
      return r.ok(bad ? "flag" : "met", value, undefined);
    }
    if (indication === "cervix_adeno" || indication === "cervix_scc") {
      const figo = parseFigo(stated);
      if (!figo || figo.group === 4) return r.ok("not_applicable", undefined, undefined);
      // FIGO 2018: any nodal metastasis is IIIC, and IIIC is defined by nodes.
      const bad = figoNeedsNodes(figo) !== n.number > 0;
      return r.ok(bad ? "flag" : "met", value, undefined);
    }
    return r.ok("not_applicable", undefined, undefined);
  };
}

/** The stated Child-Pugh class is the one the laboratory values give. */
function childPughConsistency(def: CriterionDef): Evaluator {
  const r = resultsOf(def, liverFields);
  return (c) => {
    const { given, computed } = liverFunctionOf(c);
    if (given === undefined || computed === null) return r.ok("not_applicable", undefined, undefined);
    return r.ok(given === computed.class ? "met" : "flag", given, computed.class, {
      details: { childPughPoints: computed.points },
    });
  };
}

const consistencyChecks: Record<Check, (def: CriterionDef) => Evaluator> = {
  stage: stageConsistency,
  metastasis: metastasisConsistency,
  nodes: nodesConsistency,
  child_pugh: childPughConsistency,
};

function consistency(def: CriterionDef, check: Check): Evaluator {
  return consistencyChecks[check](def);
}
