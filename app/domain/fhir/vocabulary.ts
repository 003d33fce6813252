// The code systems and extensions a referral's FHIR R4 bundle speaks (issue #11; docs/decisions/0022).
// Standard systems where one exists (LOINC, ICD-10, ICD-O-3, UCUM, HL7 terminology); the portal's own codes (case
// fields, indications, statuses, criteria) under one namespace, so a receiving system can tell them apart and the
// import can read its own bundles back without loss.
import type { Reference } from "@medplum/fhirtypes";
import type { CasePath } from "~/domain/case/field-catalogue";

/** The portal's namespace for its own code systems and extensions (ADR 0022: no registered domain yet). */
export const PORTAL_NS = "https://fhir.kq-portal.example";

export const systems = {
  loinc: "http://loinc.org",
  ucum: "http://unitsofmeasure.org",
  icd10: "http://hl7.org/fhir/sid/icd-10",
  icdO3: "http://terminology.hl7.org/CodeSystem/icd-o-3",
  bcp47: "urn:ietf:bcp:47",
  v2IdentifierType: "http://terminology.hl7.org/CodeSystem/v2-0203",
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  consentScope: "http://terminology.hl7.org/CodeSystem/consentscope",
  /** The portal's own codes. */
  referenceCode: `${PORTAL_NS}/referral-code`,
  site: `${PORTAL_NS}/site`,
  user: `${PORTAL_NS}/user`,
  referringRecord: `${PORTAL_NS}/referring-hospital-record`,
  caseField: `${PORTAL_NS}/CodeSystem/case-field`,
  caseValue: `${PORTAL_NS}/CodeSystem/case-value`,
  indication: `${PORTAL_NS}/CodeSystem/indication`,
  referralStatus: `${PORTAL_NS}/CodeSystem/referral-status`,
  referralAction: `${PORTAL_NS}/CodeSystem/referral-action`,
  attachmentKind: `${PORTAL_NS}/CodeSystem/attachment-kind`,
  consentItem: `${PORTAL_NS}/CodeSystem/consent-item`,
  screen: `${PORTAL_NS}/CodeSystem/screen`,
  screenOutcome: `${PORTAL_NS}/CodeSystem/screen-outcome`,
  ruleSet: `${PORTAL_NS}/CodeSystem/rule-set`,
  criterion: `${PORTAL_NS}/CodeSystem/criterion`,
  criterionStatus: `${PORTAL_NS}/CodeSystem/criterion-status`,
  coverage: `${PORTAL_NS}/CodeSystem/coverage`,
} as const;

export const extensions = {
  /** HL7's core extension marking the language of any element (a name in Hangul, kanji or Latin letters). */
  language: "http://hl7.org/fhir/StructureDefinition/language",
  /** ISO 21090: ideographic (kanji/Hangul), syllabic (kana reading) or alphabetic (Latin) representation of a name. */
  nameRepresentation: "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation",
  /** R4's Attachment.hash is SHA-1; the portal stores SHA-256, so it travels in its own, clearly named extension. */
  sha256: `${PORTAL_NS}/StructureDefinition/attachment-sha256`,
  tnmEdition: `${PORTAL_NS}/StructureDefinition/tnm-edition`,
  statusFrom: `${PORTAL_NS}/StructureDefinition/referral-status-from`,
  statusTo: `${PORTAL_NS}/StructureDefinition/referral-status-to`,
} as const;

/**
 * LOINC codes for the case fields that have one (checked against loinc.org: ECOG 89247-1, PSA 2857-1, Gleason score
 * 35266-6 and patterns 44641-9 / 44642-7, maximum tumour dimension 33728-7, total bilirubin 1975-2, albumin 1751-7,
 * INR 6301-6). Every other field travels under the portal's case-field system only.
 */
export const loincOf: Partial<Record<CasePath, { code: string; display: string }>> = {
  "clinical.ecog": { code: "89247-1", display: "ECOG Performance Status score" },
  "diagnosis.psaNgMl": { code: "2857-1", display: "Prostate specific Ag [Mass/volume] in Serum or Plasma" },
  "diagnosis.gleasonScore": { code: "35266-6", display: "Gleason score in Specimen Qualitative" },
  "diagnosis.gleasonPrimary": { code: "44641-9", display: "Gleason pattern.primary in Specimen" },
  "diagnosis.gleasonSecondary": { code: "44642-7", display: "Gleason pattern.secondary in Specimen" },
  "diagnosis.maxDiameterMm": { code: "33728-7", display: "Size.maximum dimension in Tumor" },
  "diagnosis.labs.bilirubinMgDl": { code: "1975-2", display: "Bilirubin.total [Mass/volume] in Serum or Plasma" },
  "diagnosis.labs.albuminGDl": { code: "1751-7", display: "Albumin [Mass/volume] in Serum or Plasma" },
  "diagnosis.labs.inr": { code: "6301-6", display: "INR in Platelet poor plasma by Coagulation assay" },
};

/** UCUM units of the catalogue's units. */
export const ucumOf = { mm: "mm", ngMl: "ng/mL", mgDl: "mg/dL", gDl: "g/dL", gy: "Gy" } as const;

/** Laboratory values carry the laboratory category; the rest of the clinical facts are exam or survey findings. */
export const laboratoryPaths: readonly string[] = [
  "diagnosis.psaNgMl",
  "diagnosis.labs.bilirubinMgDl",
  "diagnosis.labs.albuminGDl",
  "diagnosis.labs.inr",
];

/** LOINC document types for the attachment kinds that have one. */
export const documentLoinc: Record<string, { code: string; display: string } | undefined> = {
  referral_letter: { code: "57133-1", display: "Referral note" },
  pathology_report: { code: "11526-1", display: "Pathology study" },
  imaging_report: { code: "18748-4", display: "Diagnostic imaging study" },
  lab_results: { code: "11502-2", display: "Laboratory report" },
};

/** The LOINC code of a TNM category or stage group (clinical), as mCODE uses them. */
export const stagingLoinc = {
  t: { code: "21905-5", display: "Primary tumor.clinical [Class] Cancer" },
  n: { code: "21906-3", display: "Regional lymph nodes.clinical [Class] Cancer" },
  m: { code: "21907-1", display: "Distant metastases.clinical [Class] Cancer" },
  stage: { code: "21908-9", display: "Stage group.clinical Cancer" },
} as const;

/** A reference inside one bundle (`urn:uuid:`): typed loosely, as the bundle, not the type system, resolves it. */
export type Ref = Reference<any>;
