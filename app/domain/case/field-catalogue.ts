// One catalogue of the case's fields (issue #9): per field its path, where it is shown, how it is asked, and who
// asks for it. The intake form, the pre-check, the coordinator's requestable fields and the case views (staff and
// physician) are all generated from this list, and field-catalogue.test.ts holds it against the zod schema, so a
// field added to the schema and forgotten here (or the reverse) fails a test instead of silently missing a page.
// Pure data: which indication asks a field is not written here but read from the rule set (field-applicability.ts).
import {
  ascitesGrades,
  childPughClasses,
  diagnosisStatuses,
  encephalopathyGrades,
  headNeckSubsites,
  histologies,
  indications,
  insuranceValues,
  metastasisOrgans,
  overlapValues,
  priorRadiotherapyValues,
  resectability,
  sexes,
  urgencies,
} from "./vocabulary";
import type { CasePath, CatalogueField, FieldKind, ItemField, ItemKey, ViewGroup } from "./field-catalogue.types";

export * from "./field-catalogue.types";

const yesNo: FieldKind = { type: "yesNoUnknown" };
const code: FieldKind = { type: "text", variant: "code" };
const date: FieldKind = { type: "date" };
const ecogScores = ["0", "1", "2", "3", "4"] as const;
const tnmEditions = ["UICC8", "UICC9"] as const;
const P = "precheck:options";
const C = "case:options";

const f = (
  path: CasePath,
  group: ViewGroup,
  kind: FieldKind,
  more: Omit<CatalogueField, "path" | "group" | "kind"> = {},
): CatalogueField => ({
  path,
  group,
  kind,
  ...more,
});
const item = <P extends string>(_list: P, key: ItemKey<P>, kind: ItemField["kind"], required = false): ItemField => ({
  key,
  kind,
  ...(required ? { required } : {}),
});

const metastasisItems = [
  item("diagnosis.metastases", "organ", { type: "select", options: metastasisOrgans, book: `${C}.organ` }, true),
  item("diagnosis.metastases", "lesions", { type: "number", integer: true }, true),
];
const courseItems = [
  item("history.radiotherapyCourses", "endedOn", date, true),
  item("history.radiotherapyCourses", "region", { type: "text" }, true),
  item("history.radiotherapyCourses", "doseGy", { type: "number", unit: "gy" }),
  item("history.radiotherapyCourses", "fractions", { type: "number", integer: true }),
  item(
    "history.radiotherapyCourses",
    "overlapsTarget",
    { type: "radio", options: overlapValues, book: `${P}.yesNoUnknown` },
    true,
  ),
  item("history.radiotherapyCourses", "outcome", { type: "text" }),
];
const surgeryItems = [
  item("history.surgeries", "date", date, true),
  item("history.surgeries", "procedure", { type: "text" }, true),
  item("history.surgeries", "outcome", { type: "text" }),
];
const systemicItems = [
  item("history.systemicTherapies", "startedOn", date, true),
  item("history.systemicTherapies", "drug", { type: "text" }, true),
  item("history.systemicTherapies", "line", { type: "number", integer: true }),
  item("history.systemicTherapies", "outcome", { type: "text" }),
];
const story: FieldKind = { type: "text", multiline: true };

/** Every field, in the order an oncologist reads a referral; each list below is this one, filtered. */
export const fieldCatalogue: readonly CatalogueField[] = [
  // Patient
  f("patient.familyName", "patient", { type: "text", variant: "name" }, { required: true, form: "patient" }),
  f("patient.givenName", "patient", { type: "text", variant: "name" }, { required: true, form: "patient" }),
  f("patient.nameReading", "patient", { type: "text", variant: "reading" }, { form: "patient", requestable: true }),
  f("patient.familyNameLatin", "patient", { type: "text", variant: "latin" }, { form: "patient", requestable: true }),
  f("patient.givenNameLatin", "patient", { type: "text", variant: "latin" }, { form: "patient", requestable: true }),
  f("patient.birthDate", "patient", date, { required: true, form: "patient", requestable: true }),
  f(
    "patient.sex",
    "patient",
    { type: "radio", options: sexes, book: "intake:options.sex" },
    { required: true, form: "patient", precheck: "condition", requestable: true },
  ),
  f(
    "patient.residenceCountry",
    "patient",
    { type: "country" },
    { required: true, form: "patient", precheck: "routing", requestable: true },
  ),
  f("patient.preferredLanguage", "patient", { type: "language" }, { required: true, form: "patient" }),
  f("patient.phone", "patient", { type: "phone" }, { form: "patient", requestable: true }),
  f("patient.referringHospitalId", "patient", code, { form: "patient" }),
  f("patient.canTravelAbroad", "patient", yesNo, { form: "patient", requestable: true }),
  f(
    "patient.insurance",
    "patient",
    { type: "radio", options: insuranceValues, book: `${C}.insurance` },
    { form: "patient", precheck: "routing", requestable: true },
  ),
  f("preferences.site", "patient", { type: "site" }, { required: true, form: "patient", precheck: "routing" }),
  // Consent
  f("consent.sensitiveData", "consent", { type: "consent" }, { required: true, form: "consent" }),
  f("consent.crossBorder", "consent", { type: "consent" }, { form: "consent", precheck: "routing", requestable: true }),
  f("consent.informedOfDiagnosis", "consent", { type: "consent" }, { required: true, form: "consent" }),
  f("consent.research", "consent", { type: "consent" }, { form: "consent" }),
  // Issue #17: the opt-in to status e-mails, and the address, asked beside it and only when the patient opted in
  // (collected for nothing else: minimum data, privacy.md).
  f("consent.statusUpdates", "consent", { type: "consent" }, { form: "consent" }),
  f("patient.email", "patient", { type: "email" }, { form: "consent", askedIf: "consent.statusUpdates" }),
  f("consent.recordedAt", "consent", { type: "dateTime" }),
  // Diagnosis
  f(
    "diagnosis.indication",
    "diagnosis",
    { type: "select", options: indications, book: "screen:indications" },
    { required: true, form: "diagnosis", precheck: "indication" },
  ),
  f(
    "diagnosis.subsite",
    "diagnosis",
    { type: "select", options: headNeckSubsites, book: `${P}.subsite` },
    { form: "diagnosis", precheck: "diagnosis", asked: "read", requestable: true },
  ),
  f(
    "diagnosis.histology",
    "diagnosis",
    { type: "select", options: histologies, book: `${P}.histology` },
    { required: true, form: "diagnosis", precheck: "diagnosis", requestable: true },
  ),
  f("diagnosis.histologicallyConfirmed", "diagnosis", yesNo, {
    form: "diagnosis",
    precheck: "diagnosis",
    requestable: true,
  }),
  f("diagnosis.haematological", "diagnosis", yesNo, { form: "diagnosis", precheck: "diagnosis", requestable: true }),
  f("diagnosis.icd10", "diagnosis", code, { form: "diagnosis", requestable: true }),
  f("diagnosis.icdO3Morphology", "diagnosis", code, { form: "diagnosis", requestable: true }),
  f(
    "diagnosis.status",
    "diagnosis",
    { type: "radio", options: diagnosisStatuses, book: `${P}.status` },
    { required: true, form: "diagnosis", precheck: "diagnosis", requestable: true },
  ),
  f("diagnosis.anastomoticRecurrence", "diagnosis", yesNo, {
    form: "diagnosis",
    precheck: "diagnosis",
    asked: "read",
    requestable: true,
  }),
  f(
    "diagnosis.resectable",
    "diagnosis",
    { type: "radio", options: resectability, book: `${P}.resectable` },
    { required: true, form: "diagnosis", precheck: "diagnosis", requestable: true },
  ),
  f("diagnosis.tnm.t", "diagnosis", code, { form: "diagnosis", precheck: "extent", requestable: true }),
  f("diagnosis.tnm.n", "diagnosis", code, { form: "diagnosis", precheck: "extent", requestable: true }),
  f("diagnosis.tnm.m", "diagnosis", code, { form: "diagnosis", precheck: "extent", requestable: true }),
  f(
    "diagnosis.tnm.edition",
    "diagnosis",
    { type: "radio", options: tnmEditions, book: `${C}.tnmEdition`, unknownOption: true },
    { form: "diagnosis", precheck: "extent", requestable: true },
  ),
  f("diagnosis.stage", "diagnosis", code, { form: "diagnosis", precheck: "extent", requestable: true }),
  f("diagnosis.imagingDate", "diagnosis", date, { form: "diagnosis", precheck: "extent", requestable: true }),
  f(
    "diagnosis.maxDiameterMm",
    "diagnosis",
    { type: "number", unit: "mm" },
    { form: "diagnosis", precheck: "extent", asked: "read", requestable: true },
  ),
  f(
    "diagnosis.distantMetastasisSites",
    "diagnosis",
    { type: "number", integer: true },
    { form: "diagnosis", precheck: "extent", requestable: true },
  ),
  f(
    "diagnosis.metastases",
    "diagnosis",
    { type: "list", item: metastasisItems, max: 20 },
    { form: "diagnosis", precheck: "extent" },
  ),
  f("diagnosis.peritonealOrMeningealSpread", "diagnosis", yesNo, {
    form: "diagnosis",
    precheck: "extent",
    requestable: true,
  }),
  f("diagnosis.invadesGiTract", "diagnosis", yesNo, {
    form: "diagnosis",
    precheck: "organs",
    asked: "read",
    requestable: true,
  }),
  f("diagnosis.abutsGiTract", "diagnosis", yesNo, {
    form: "diagnosis",
    precheck: "organs",
    asked: "read",
    requestable: true,
  }),
  f("diagnosis.invadesSpinalCord", "diagnosis", yesNo, { form: "diagnosis", precheck: "organs", requestable: true }),
  f(
    "diagnosis.psaNgMl",
    "diagnosis",
    { type: "number", unit: "ngMl" },
    { form: "diagnosis", precheck: "extent", asked: "read", requestable: true },
  ),
  // The form asks the two patterns and fills in their sum as the score the screen reads when the score is left blank
  // (issue #15); the views show the score with its patterns and ISUP grade group, so the patterns are not listed again.
  f(
    "diagnosis.gleasonPrimary",
    "diagnosis",
    { type: "number", integer: true },
    { form: "diagnosis", asked: "read", askedWith: "diagnosis.gleasonScore", requestable: true, staff: false },
  ),
  f(
    "diagnosis.gleasonSecondary",
    "diagnosis",
    { type: "number", integer: true },
    { form: "diagnosis", asked: "read", askedWith: "diagnosis.gleasonScore", requestable: true, staff: false },
  ),
  f(
    "diagnosis.gleasonScore",
    "diagnosis",
    { type: "number", integer: true },
    { form: "diagnosis", precheck: "extent", asked: "read", requestable: true },
  ),
  f(
    "diagnosis.childPugh",
    "diagnosis",
    { type: "radio", options: childPughClasses, book: `${P}.childPugh`, unknownOption: true },
    { form: "diagnosis", precheck: "liver", asked: "read", requestable: true },
  ),
  f(
    "diagnosis.labs.bilirubinMgDl",
    "diagnosis",
    { type: "number", unit: "mgDl" },
    { form: "diagnosis", precheck: "liver", asked: "read", requestable: true },
  ),
  f(
    "diagnosis.labs.albuminGDl",
    "diagnosis",
    { type: "number", unit: "gDl" },
    { form: "diagnosis", precheck: "liver", asked: "read", requestable: true },
  ),
  f(
    "diagnosis.labs.inr",
    "diagnosis",
    { type: "number" },
    { form: "diagnosis", precheck: "liver", asked: "read", requestable: true },
  ),
  f("diagnosis.labs.measuredOn", "diagnosis", date, {
    form: "diagnosis",
    precheck: "liver",
    asked: "read",
    askedWith: "diagnosis.labs.bilirubinMgDl",
    requestable: true,
  }),
  f("diagnosis.ascites", "diagnosis", yesNo, {
    form: "diagnosis",
    precheck: "liver",
    asked: "read",
    requestable: true,
  }),
  f(
    "diagnosis.ascitesGrade",
    "diagnosis",
    { type: "radio", options: ascitesGrades, book: `${C}.ascitesGrade`, unknownOption: true },
    { form: "diagnosis", precheck: "liver", asked: "read", requestable: true },
  ),
  f(
    "urgency",
    "referral",
    { type: "radio", options: urgencies, book: "intake:options.urgency" },
    { required: true, form: "diagnosis" },
  ),
  // The clinical story (issue #15)
  f("history.clinicalSummary", "story", story, { form: "history", requestable: true }),
  f("history.referralReason", "story", story, { form: "history", requestable: true }),
  // Treatment history
  f("history.surgeries", "history", { type: "list", item: surgeryItems, max: 20 }, { form: "history" }),
  f("history.systemicTherapies", "history", { type: "list", item: systemicItems, max: 20 }, { form: "history" }),
  f(
    "history.priorRadiotherapy",
    "history",
    { type: "radio", options: priorRadiotherapyValues, book: `${P}.priorRadiotherapy` },
    { required: true, form: "history", precheck: "history", requestable: true },
  ),
  f("history.priorRadiotherapyEndedOn", "history", date, { form: "history", precheck: "history", requestable: true }),
  f(
    "history.radiotherapyCourses",
    "history",
    { type: "list", item: courseItems, max: 20 },
    { form: "history", precheck: "history" },
  ),
  // Condition
  f(
    "clinical.ecog",
    "clinical",
    { type: "radio", options: ecogScores, book: `${P}.ecog`, numeric: true, unknownOption: true },
    { form: "history", precheck: "condition", requestable: true },
  ),
  f("clinical.canLieStill30Min", "clinical", yesNo, { form: "history", precheck: "condition", requestable: true }),
  f("clinical.activeInfectionInField", "clinical", yesNo, {
    form: "history",
    precheck: "condition",
    requestable: true,
  }),
  f("clinical.metalImplantInField", "clinical", yesNo, { form: "history", precheck: "condition", requestable: true }),
  f("clinical.cardiacDevice", "clinical", yesNo, { form: "history", precheck: "condition", requestable: true }),
  f("clinical.pregnant", "clinical", yesNo, {
    form: "history",
    precheck: "condition",
    asked: "read",
    requestable: true,
  }),
  f(
    "clinical.encephalopathyGrade",
    "clinical",
    { type: "radio", options: encephalopathyGrades, book: `${C}.encephalopathyGrade`, unknownOption: true },
    { form: "history", precheck: "liver", asked: "read", requestable: true },
  ),
  f("clinical.comorbidities", "clinical", story, { form: "history", requestable: true }),
  f("clinical.medicines", "clinical", story, { form: "history", requestable: true }),
  // The referral
  f("referredOn", "referral", date, { precheck: "indication" }),
];

/**
 * Schema leaves left out on purpose, with why: the documents are their own page (uploads, checklist), not answers.
 */
export const excludedPaths: readonly string[] = ["attachments"];

const byPath = new Map<string, CatalogueField>(fieldCatalogue.map((field) => [field.path, field]));

export function catalogueField(path: string): CatalogueField | undefined {
  return byPath.get(path);
}

/** A path inside a list item ("history.radiotherapyCourses.1.endedOn") read as list, index and item field. */
export function itemPathOf(path: string): { list: CatalogueField; index: number; item: ItemField } | undefined {
  const match = /^(.+)\.(\d+)\.([A-Za-z]+)$/.exec(path);
  if (!match) return undefined;
  const list = byPath.get(match[1]!);
  if (list?.kind.type !== "list") return undefined;
  const itemField = list.kind.item.find((i) => i.key === match[3]);
  return itemField ? { list, index: Number(match[2]), item: itemField } : undefined;
}
