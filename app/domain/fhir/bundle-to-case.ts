// A FHIR R4 Bundle read into a draft case (issue #11, FHIR in): what maps goes into the case, everything else is
// listed as an unmapped part with the reason, so the physician knows what to fill in. The portal's own bundles read
// back without loss (case-observations.ts); other systems' bundles map through LOINC, ICD-10 and FHIR's own fields.
// Consents are never taken from a bundle: the physician records them on the draft, as for any referral.
import type {
  Bundle,
  Condition,
  DocumentReference,
  HumanName,
  Observation,
  Patient,
  Resource,
  ServiceRequest,
} from "@medplum/fhirtypes";
import { attachmentKinds, indications } from "~/domain/case/schema";
import { applyObservation, getPath, pathOfObservation, setPath } from "./case-observations";
import { documentLoinc, extensions, stagingLoinc, systems } from "./vocabulary";

export type UnmappedReason =
  "resource_type" | "extra_patient" | "extra_name" | "unknown_code" | "value" | "consent" | "no_data" | "screen";
export type UnmappedPart = { resource: string; path: string; reason: UnmappedReason; code?: string };
export type InlineDocument = { fileName: string; mediaType: string; kind: string; base64: string; path: string };
export type ImportedCase = { caseData: Record<string, unknown>; unmapped: UnmappedPart[]; documents: InlineDocument[] };

/** The indication of an ICD-10 code where it settles one (cervix, colorectal recurrence and metastases need more). */
const indicationByIcd10: [RegExp, string][] = [
  [/^C61/, "prostate"],
  [/^C22\.0/, "hcc"],
  [/^C22\.1/, "icc"],
  [/^C25/, "pancreas"],
  [/^C3[34]/, "lung"],
  [/^C15/, "esophagus"],
  [/^C64/, "renal_cell"],
  [/^C(4[01]|49)/, "bone_soft_tissue"],
  [/^C(0\d|1[0-4]|3[0-2])/, "head_neck"],
];

const extensionValue = (name: HumanName, url: string) => name.extension?.find((e) => e.url === url)?.valueCode;

function nameRole(name: HumanName): "latin" | "reading" | "native" {
  const language = extensionValue(name, extensions.language) ?? "";
  const representation = extensionValue(name, extensions.nameRepresentation);
  if (representation === "SYL" || /-Kana$/.test(language)) return "reading";
  if (/-Latn$/.test(language)) return "latin";
  return "native";
}

function mapPatient(patient: Patient, caseData: Record<string, unknown>, at: string, unmapped: UnmappedPart[]) {
  const taken = new Set<string>();
  (patient.name ?? []).forEach((name, i) => {
    const role = nameRole(name);
    if (taken.has(role)) return unmapped.push({ resource: "Patient", path: `${at}.name[${i}]`, reason: "extra_name" });
    taken.add(role);
    if (role === "reading")
      return setPath(
        caseData,
        "patient.nameReading",
        name.text ?? [name.family, ...(name.given ?? [])].filter(Boolean).join(" "),
      );
    const [familyPath, givenPath] =
      role === "latin"
        ? ["patient.familyNameLatin", "patient.givenNameLatin"]
        : ["patient.familyName", "patient.givenName"];
    if (name.family) setPath(caseData, familyPath, name.family);
    if (name.given?.length) setPath(caseData, givenPath, name.given.join(" "));
  });
  if (patient.birthDate) setPath(caseData, "patient.birthDate", patient.birthDate);
  if (patient.gender) setPath(caseData, "patient.sex", patient.gender);
  const country = patient.address?.find((a) => a.country)?.country;
  if (country && /^[A-Za-z]{2}$/.test(country)) setPath(caseData, "patient.residenceCountry", country.toUpperCase());
  const language = patient.communication?.find((c) => c.preferred) ?? patient.communication?.[0];
  const code = language?.language.coding?.find((c) => c.system === systems.bcp47)?.code?.slice(0, 2);
  if (code === "ko" || code === "ja" || code === "en") setPath(caseData, "patient.preferredLanguage", code);
  const phone = patient.telecom?.find((t) => t.system === "phone")?.value;
  if (phone) setPath(caseData, "patient.phone", phone);
  const email = patient.telecom?.find((t) => t.system === "email")?.value;
  if (email) setPath(caseData, "patient.email", email);
  const record = patient.identifier?.find((id) => id.type?.coding?.some((c) => c.code === "MR"))?.value;
  if (record) setPath(caseData, "patient.referringHospitalId", record);
}

function mapCondition(condition: Condition, caseData: Record<string, unknown>) {
  const codings = condition.code?.coding ?? [];
  const icd10 = codings.find((c) => c.system === systems.icd10)?.code;
  if (icd10) setPath(caseData, "diagnosis.icd10", icd10.toUpperCase());
  const morphology = codings.find((c) => c.system === systems.icdO3)?.code;
  if (morphology) setPath(caseData, "diagnosis.icdO3Morphology", morphology);
  const own = codings.find((c) => c.system === systems.indication)?.code;
  const indication =
    own && (indications as readonly string[]).includes(own)
      ? own
      : indicationByIcd10.find(([pattern]) => icd10 && pattern.test(icd10.toUpperCase()))?.[1];
  if (indication) setPath(caseData, "diagnosis.indication", indication);
  if (condition.clinicalStatus?.coding?.some((c) => c.code === "recurrence"))
    setPath(caseData, "diagnosis.status", "recurrent");
  const targets: Record<string, string> = {
    [stagingLoinc.t.code]: "diagnosis.tnm.t",
    [stagingLoinc.n.code]: "diagnosis.tnm.n",
    [stagingLoinc.m.code]: "diagnosis.tnm.m",
    [stagingLoinc.stage.code]: "diagnosis.stage",
  };
  for (const stage of condition.stage ?? []) {
    const target = stage.type?.coding?.map((c) => targets[c.code ?? ""]).find(Boolean);
    const value = stage.summary?.text ?? stage.summary?.coding?.[0]?.code;
    if (target && value) setPath(caseData, target, value);
    const edition = stage.extension?.find((e) => e.url === extensions.tnmEdition)?.valueString;
    if (edition) setPath(caseData, "diagnosis.tnm.edition", edition);
  }
}

function mapServiceRequest(request: ServiceRequest, caseData: Record<string, unknown>) {
  if (request.priority) setPath(caseData, "urgency", request.priority === "routine" ? "routine" : "urgent");
  const reason = request.reasonCode?.find((r) => r.text)?.text;
  if (reason && getPath(caseData, "history.referralReason") === undefined)
    setPath(caseData, "history.referralReason", reason);
}

const kindByLoinc = new Map(Object.entries(documentLoinc).map(([kind, loinc]) => [loinc!.code, kind]));

function documentOf(document: DocumentReference, at: string): InlineDocument | null {
  const attachment = document.content?.find((c) => c.attachment.data)?.attachment;
  if (!attachment?.data) return null;
  const codings = document.type?.coding ?? [];
  const own = codings.find((c) => c.system === systems.attachmentKind)?.code;
  const kind =
    own && (attachmentKinds as readonly string[]).includes(own)
      ? own
      : (codings.map((c) => kindByLoinc.get(c.code ?? "")).find(Boolean) ?? "other");
  return {
    fileName: attachment.title ?? "document",
    mediaType: attachment.contentType ?? "application/octet-stream",
    kind,
    base64: attachment.data,
    path: at,
  };
}

const isScreenDecision = (o: Observation) =>
  o.code?.coding?.some((c) => c.system === systems.screen && c.code === "screen-decision") === true;

/** The draft case a bundle gives, the parts it could not place, and the inline documents to store. */
export function caseFromBundle(bundle: Bundle): ImportedCase {
  const caseData: Record<string, unknown> = {};
  const unmapped: UnmappedPart[] = [];
  const documents: InlineDocument[] = [];
  let patientSeen = false;
  (bundle.entry ?? []).forEach((entry, i) => {
    const resource = entry.resource as Resource | undefined;
    if (!resource) return;
    const at = `Bundle.entry[${i}]`;
    const type = resource.resourceType;
    if (type === "Patient") {
      if (patientSeen) return unmapped.push({ resource: type, path: at, reason: "extra_patient" });
      patientSeen = true;
      return mapPatient(resource, caseData, `${at}.resource`, unmapped);
    }
    if (type === "Condition") return mapCondition(resource, caseData);
    if (type === "ServiceRequest") return mapServiceRequest(resource, caseData);
    if (type === "Observation") {
      if (isScreenDecision(resource)) return unmapped.push({ resource: type, path: at, reason: "screen" });
      if (applyObservation(caseData, resource)) return;
      const code = resource.code?.coding?.[0]?.code ?? resource.code?.text;
      return unmapped.push({
        resource: type,
        path: at,
        reason: pathOfObservation(resource) ? "value" : "unknown_code",
        code,
      });
    }
    if (type === "DocumentReference") {
      const document = documentOf(resource, at);
      return document ? documents.push(document) : unmapped.push({ resource: type, path: at, reason: "no_data" });
    }
    if (type === "Consent") return unmapped.push({ resource: type, path: at, reason: "consent" });
    unmapped.push({ resource: type, path: at, reason: "resource_type" });
  });
  return { caseData, unmapped, documents };
}

/** Whether a (not yet validated) bundle has a Patient entry; any shape of `entry` is read safely. */
export function hasPatient(bundle: Bundle): boolean {
  const entries: unknown = bundle.entry;
  return (
    Array.isArray(entries) &&
    entries.some((e) => (e as { resource?: { resourceType?: unknown } } | null)?.resource?.resourceType === "Patient")
  );
}
