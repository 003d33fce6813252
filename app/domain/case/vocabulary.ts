// The case's vocabularies (the values each choice may take) and the schema's message keys, without zod: pages that
// only list or label these values (the site header, the queue's filters, the field catalogue) do not make the
// browser download zod and the whole case schema (issue #16). schema.ts re-exports everything here.
export const indications = [
  "bone_soft_tissue",
  "head_neck",
  "prostate",
  "hcc",
  "icc",
  "pancreas",
  "colorectal_recurrence",
  "cervix_adeno",
  "cervix_scc",
  "gyn_melanoma",
  "lung",
  "esophagus",
  "renal_cell",
  "metastasis",
  "other",
] as const;
export type Indication = (typeof indications)[number];

export const histologies = [
  "adenocarcinoma",
  "squamous_cell_carcinoma",
  "hepatocellular_carcinoma",
  "cholangiocarcinoma",
  "adenoid_cystic_carcinoma",
  "melanoma",
  "sarcoma",
  "chordoma",
  "chondrosarcoma",
  "other",
] as const;
export type Histology = (typeof histologies)[number];

export const headNeckSubsites = [
  "oral_cavity",
  "pharynx",
  "larynx",
  "nasal_sinus",
  "salivary_gland",
  "skull_base",
  "orbit",
  "other",
] as const;
export type HeadNeckSubsite = (typeof headNeckSubsites)[number];

export const sexes = ["female", "male", "other", "unknown"] as const;
export const preferredLanguages = ["ko", "ja", "en"] as const;
export const sitePreferences = ["konyang", "qst", "none"] as const;
export const diagnosisStatuses = ["primary", "recurrent"] as const;
export const resectability = ["yes", "no", "unknown"] as const;
export const childPughClasses = ["A", "B", "C"] as const;
export const priorRadiotherapyValues = ["none", "same_site", "other_site", "unknown"] as const;
export const urgencies = ["routine", "urgent"] as const;
// Additions for rule set kq-2026-12 (shared/domain/referral-case.md): all optional.
export const insuranceValues = ["jp_public", "kr_nhis", "other", "none", "unknown"] as const;
export const metastasisOrgans = ["lung", "liver", "lymph_node", "bone", "brain", "adrenal", "other"] as const;
export const ascitesGrades = ["none", "mild", "moderate_severe"] as const;
export const encephalopathyGrades = ["none", "grade_1_2", "grade_3_4"] as const;
export const overlapValues = ["yes", "no", "unknown"] as const;
export const attachmentKinds = [
  "referral_letter",
  "pathology_report",
  "imaging_report",
  "dicom",
  "lab_results",
  "treatment_history",
  "other",
] as const;

/** Every message key the schema can produce. Each exists in locales/{ko,ja,en}/screen.json. */
export const validationKeys = {
  required: "screen:validation.required",
  invalid: "screen:validation.invalid",
  invalidType: "screen:validation.invalidType",
  invalidChoice: "screen:validation.invalidChoice",
  invalidNumber: "screen:validation.invalidNumber",
  notInteger: "screen:validation.notInteger",
  tooSmall: "screen:validation.tooSmall",
  tooBig: "screen:validation.tooBig",
  tooShort: "screen:validation.tooShort",
  tooLong: "screen:validation.tooLong",
  unrecognized: "screen:validation.unrecognized",
  invalidDate: "screen:validation.invalidDate",
  invalidDateTime: "screen:validation.invalidDateTime",
  invalidCountry: "screen:validation.invalidCountry",
  invalidPhone: "screen:validation.invalidPhone",
  invalidEmail: "screen:validation.invalidEmail",
  invalidIcd10: "screen:validation.invalidIcd10",
  invalidMorphology: "screen:validation.invalidMorphology",
  invalidSha256: "screen:validation.invalidSha256",
  consentRequired: "screen:validation.consentRequired",
  dateAfterReferral: "screen:validation.dateAfterReferral",
  metastasesCountMismatch: "screen:validation.metastasesCountMismatch",
  ascitesMismatch: "screen:validation.ascitesMismatch",
  gleasonMismatch: "screen:validation.gleasonMismatch",
} as const;
export type ValidationKey = (typeof validationKeys)[keyof typeof validationKeys];
