// A criterion's threshold for the rule book: the screen's own notation where the rule kind has one, and the numbers,
// codes and fields its sentence needs. One entry a kind, so a new kind without one does not type-check.
import { metCodes } from "./basic-kinds";
import type { CriterionRule, RuleOf } from "./types";

/** A criterion's threshold: the screen's own notation where the rule has one, and the rule's parameters. */
export type Threshold = {
  kind: CriterionRule["kind"];
  /** The language-neutral notation the screen shows as "expected" (decision-panel/format.ts puts it into words). */
  expected?: string;
  /** Numbers, codes and statuses the rule kind's sentence needs (rules:kinds.<kind>). */
  params: Record<string, string | number>;
  /** The case fields the rule reads (words: screen:fields.<path>). */
  fields: string[];
};

type Parts = Omit<Threshold, "kind">;

const tnm = ["diagnosis.tnm.t", "diagnosis.tnm.n", "diagnosis.tnm.m"];
const metastasisFields = ["diagnosis.peritonealOrMeningealSpread", "diagnosis.tnm.m"];
const liverFields = [
  "diagnosis.childPugh",
  "diagnosis.labs.bilirubinMgDl",
  "diagnosis.labs.albuminGDl",
  "diagnosis.labs.inr",
  "diagnosis.ascitesGrade",
  "clinical.encephalopathyGrade",
];

function choiceParts(rule: RuleOf<"choice">): Parts {
  const params: Record<string, string> = {};
  for (const [code, status] of Object.entries(rule.statuses)) if (status !== "met") params[code] = status;
  return { expected: metCodes(rule.statuses), params, fields: [rule.field] };
}

const thresholds: { [K in CriterionRule["kind"]]: (rule: RuleOf<K>) => Parts } = {
  boolean: (rule) => ({
    expected: rule.onTrue === "met" ? "true" : "false",
    params: { onTrue: rule.onTrue, onFalse: rule.onFalse },
    fields: [rule.field],
  }),
  minimum: (rule) => ({
    expected: `>=${rule.min} ${rule.unit}`,
    params: { otherwise: rule.below },
    fields: [rule.field],
  }),
  maximum: (rule) => ({
    expected: `<=${rule.max} ${rule.unit}`,
    params: { otherwise: rule.above },
    fields: [rule.field],
  }),
  range: (rule) => ({ expected: `${rule.min}-${rule.max}`, params: { otherwise: rule.outside }, fields: [rule.field] }),
  choice: choiceParts,
  indication_listed: () => ({ expected: "insurance_list", params: {}, fields: ["diagnosis.indication", "referredOn"] }),
  distant_metastasis: (rule) => ({
    expected: "0",
    params: { maxSites: rule.oligometastasisMaxSites, m0Required: rule.m0Required.join("|") },
    fields: ["diagnosis.distantMetastasisSites", ...metastasisFields],
  }),
  prior_radiotherapy: (rule) => ({
    expected: "none|other_site",
    params: { months: rule.minMonthsSinceSameSite },
    fields: ["history.priorRadiotherapy", "history.priorRadiotherapyEndedOn"],
  }),
  stage: (rule) => ({
    expected: rule.from === rule.to ? rule.from : `${rule.from}-${rule.to}`,
    params: { otherwise: rule.outside },
    fields: ["diagnosis.stage", ...(rule.derive ? tnm : [])],
  }),
  histology_at_subsite: (rule) => ({
    expected: `!${rule.histology}@${rule.subsites.join("|")}`,
    params: {},
    fields: ["diagnosis.histology", "diagnosis.subsite"],
  }),
  node_negative: () => ({ expected: "N0", params: {}, fields: ["diagnosis.tnm.n"] }),
  head_neck_squamous: (rule) => ({
    expected: `!squamous_cell_carcinoma@${rule.subsites.join("|")}`,
    params: {},
    fields: ["diagnosis.histology", "diagnosis.icdO3Morphology", "diagnosis.icd10", "diagnosis.subsite"],
  }),
  liver_function: () => ({ expected: "A|B", params: {}, fields: [...liverFields] }),
  ascites: (rule) => ({
    expected: "false",
    params: { otherwise: rule.present },
    fields: ["diagnosis.ascites", "diagnosis.ascitesGrade"],
  }),
  cervix_adeno_figo: () => ({ expected: "II-IVA", params: {}, fields: ["diagnosis.stage"] }),
  lung_stage: (rule) => ({
    expected: `I-${rule.upTo}`,
    params: { upTo: rule.upTo },
    fields: ["diagnosis.stage", ...tnm, "diagnosis.tnm.edition"],
  }),
  localised_disease: () => ({ expected: "M0", params: {}, fields: ["diagnosis.metastases", "diagnosis.tnm.m"] }),
  metastatic_organs: (rule) => ({
    params: { maxOrgans: rule.maxOrgans, m0Required: rule.m0Required.join("|") },
    fields: ["diagnosis.metastases", ...metastasisFields],
  }),
  metastatic_lesions: (rule) => ({ params: { maxLesions: rule.maxLesions }, fields: ["diagnosis.metastases"] }),
  reirradiation: (rule) => ({ params: { months: rule.months }, fields: ["history.radiotherapyCourses"] }),
  consistency: (rule) => ({ params: { check: rule.check }, fields: [] }),
  imaging_recent: (rule) => ({ params: { months: rule.months }, fields: ["diagnosis.imagingDate", "referredOn"] }),
  known: (rule) => ({ expected: "known", params: {}, fields: [...rule.fields] }),
};

/** The threshold of a rule, as the screen writes it where it can, and the parameters of its kind otherwise. */
export function thresholdOf(rule: CriterionRule): Threshold {
  const parts = (thresholds[rule.kind] as (r: CriterionRule) => Parts)(rule);
  return { kind: rule.kind, ...parts };
}
