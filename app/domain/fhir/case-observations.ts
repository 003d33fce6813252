// Case fields as FHIR Observations and back. Each clinical fact of the case that has no home in Patient, Condition,
// ServiceRequest or Consent becomes one Observation coded with its case path (and its LOINC code where one exists),
// its value typed by the field catalogue. One mapping serves export and import, so a bundle the portal wrote reads
// back into the same case and screens the same (the round trip of issue #11).
import type { CodeableConcept, Observation, ObservationComponent, Quantity } from "@medplum/fhirtypes";
import { fieldCatalogue, type CatalogueField, type FieldKind, type ItemField } from "~/domain/case/field-catalogue";
import { laboratoryPaths, loincOf, systems, ucumOf, type Ref } from "./vocabulary";
import { getPath, setPath } from "~/domain/case/paths";
export { getPath, setPath };

/** Paths carried by other resources (Patient, Consent, Condition, ServiceRequest), never as an Observation. */
export const structuralPaths: ReadonlySet<string> = new Set([
  "patient.familyName",
  "patient.givenName",
  "patient.familyNameLatin",
  "patient.givenNameLatin",
  "patient.nameReading",
  "patient.birthDate",
  "patient.sex",
  "patient.residenceCountry",
  "patient.preferredLanguage",
  "patient.phone",
  "patient.email",
  "patient.referringHospitalId",
  "diagnosis.indication",
  "diagnosis.icd10",
  "diagnosis.icdO3Morphology",
  "diagnosis.tnm.t",
  "diagnosis.tnm.n",
  "diagnosis.tnm.m",
  "diagnosis.tnm.edition",
  "diagnosis.stage",
  "urgency",
  "referredOn",
]);

/** The catalogue fields that travel as Observations. */
export const observationFields: readonly CatalogueField[] = fieldCatalogue.filter(
  (f) => !structuralPaths.has(f.path) && !f.path.startsWith("consent."),
);
const fieldByPath = new Map(observationFields.map((f) => [f.path as string, f]));
const pathByLoinc = new Map(Object.entries(loincOf).map(([path, loinc]) => [loinc!.code, path]));

type ValueX = Pick<
  ObservationComponent,
  "valueString" | "valueBoolean" | "valueInteger" | "valueQuantity" | "valueCodeableConcept" | "valueDateTime"
>;

function codedValue(system: string, code: string): CodeableConcept {
  return { coding: [{ system, code }] };
}

/** A case value as FHIR's value[x], by the field's kind; undefined when the value is not of the kind's type. */
export function valueOf(kind: Exclude<FieldKind, { type: "list" }>, value: unknown): ValueX | undefined {
  switch (kind.type) {
    case "yesNoUnknown":
    case "consent":
      return typeof value === "boolean" ? { valueBoolean: value } : undefined;
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
      if (kind.integer) return { valueInteger: value };
      const quantity: Quantity = { value };
      if (kind.unit)
        Object.assign(quantity, { unit: ucumOf[kind.unit], system: systems.ucum, code: ucumOf[kind.unit] });
      return { valueQuantity: quantity };
    }
    case "date":
    case "dateTime":
      return typeof value === "string" ? { valueDateTime: value } : undefined;
    case "radio":
      if (kind.numeric) return typeof value === "number" ? { valueInteger: value } : undefined;
      return typeof value === "string" ? { valueCodeableConcept: codedValue(systems.caseValue, value) } : undefined;
    case "select":
      return typeof value === "string" ? { valueCodeableConcept: codedValue(systems.caseValue, value) } : undefined;
    case "country":
      return typeof value === "string"
        ? { valueCodeableConcept: codedValue("urn:iso:std:iso:3166", value) }
        : undefined;
    case "language":
      return typeof value === "string" ? { valueCodeableConcept: codedValue(systems.bcp47, value) } : undefined;
    case "site":
      return typeof value === "string" ? { valueCodeableConcept: codedValue(systems.site, value) } : undefined;
    default:
      return typeof value === "string" ? { valueString: value } : undefined;
  }
}

/** FHIR's value[x] read back as a case value of the field's kind; undefined when it does not fit. */
export function caseValueOf(kind: Exclude<FieldKind, { type: "list" }>, v: ValueX): unknown {
  switch (kind.type) {
    case "yesNoUnknown":
    case "consent":
      return v.valueBoolean;
    case "number":
      if (v.valueInteger !== undefined) return v.valueInteger;
      if (v.valueQuantity?.value === undefined) return undefined;
      // A quantity in another unit is not silently taken as the portal's unit.
      if (kind.unit && v.valueQuantity.code !== undefined && v.valueQuantity.code !== ucumOf[kind.unit])
        return undefined;
      return v.valueQuantity.value;
    case "date":
      return v.valueDateTime?.slice(0, 10);
    case "dateTime":
      return v.valueDateTime;
    case "radio":
    case "select": {
      if (kind.type === "radio" && kind.numeric)
        return v.valueInteger !== undefined && kind.options.includes(String(v.valueInteger))
          ? v.valueInteger
          : undefined;
      // A code the field does not offer is not the field's value (the import reports it instead).
      const code = v.valueCodeableConcept?.coding?.[0]?.code;
      return code !== undefined && kind.options.includes(code) ? code : undefined;
    }
    case "country":
    case "language":
    case "site":
      return v.valueCodeableConcept?.coding?.[0]?.code;
    default:
      return v.valueString;
  }
}

function fieldCode(path: string): CodeableConcept {
  const loinc = loincOf[path as keyof typeof loincOf];
  const coding = [{ system: systems.caseField, code: path }];
  return loinc
    ? { coding: [{ system: systems.loinc, code: loinc.code, display: loinc.display }, ...coding], text: path }
    : { coding, text: path };
}

function itemComponents(
  path: string,
  items: readonly ItemField[],
  item: Record<string, unknown>,
): ObservationComponent[] {
  const components: ObservationComponent[] = [];
  for (const field of items) {
    const value = valueOf(field.kind, item[field.key]);
    if (value)
      components.push({ code: { coding: [{ system: systems.caseField, code: `${path}.${field.key}` }] }, ...value });
  }
  return components;
}

export type ObservationContext = { subject: Ref; effective: string };

/** Every clinical fact of a case as Observations (a list gives one Observation per item). */
export function caseObservations(caseData: Record<string, unknown>, ctx: ObservationContext): Observation[] {
  const out: Observation[] = [];
  for (const field of observationFields) {
    const value = getPath(caseData, field.path);
    if (value === undefined || value === null) continue;
    const base = {
      resourceType: "Observation" as const,
      status: "final" as const,
      category: [codedValue(systems.observationCategory, laboratoryPaths.includes(field.path) ? "laboratory" : "exam")],
      code: fieldCode(field.path),
      subject: ctx.subject,
      effectiveDateTime: ctx.effective,
    };
    if (field.kind.type === "list") {
      const kind = field.kind;
      if (!Array.isArray(value)) continue;
      for (const item of value)
        if (item && typeof item === "object")
          out.push({ ...base, component: itemComponents(field.path, kind.item, item as Record<string, unknown>) });
      continue;
    }
    const valueX = valueOf(field.kind, value);
    if (valueX) out.push({ ...base, ...valueX });
  }
  return out;
}

/** The case path an Observation speaks of: its case-field code, else a LOINC code the portal knows. */
export function pathOfObservation(observation: Observation): string | undefined {
  const codings = observation.code?.coding ?? [];
  const own = codings.find((c) => c.system === systems.caseField && c.code && fieldByPath.has(c.code));
  if (own) return own.code;
  const loinc = codings.find((c) => c.system === systems.loinc && c.code && pathByLoinc.has(c.code));
  return loinc ? pathByLoinc.get(loinc.code!) : undefined;
}

/** Reads an Observation into the case; false when it is not one the portal can map (the caller reports it). */
export function applyObservation(caseData: Record<string, unknown>, observation: Observation): boolean {
  const path = pathOfObservation(observation);
  const field = path ? fieldByPath.get(path) : undefined;
  if (!path || !field) return false;
  if (field.kind.type === "list") {
    const item: Record<string, unknown> = {};
    for (const component of observation.component ?? []) {
      const key = component.code?.coding?.find((c) => c.system === systems.caseField)?.code?.slice(path.length + 1);
      const itemField = field.kind.item.find((i) => i.key === key);
      const value = itemField ? caseValueOf(itemField.kind, component) : undefined;
      if (itemField && value !== undefined) item[itemField.key] = value;
    }
    if (Object.keys(item).length === 0) return false;
    const list = (getPath(caseData, path) as unknown[] | undefined) ?? [];
    setPath(caseData, path, [...list, item]);
    return true;
  }
  const value = caseValueOf(field.kind, observation);
  if (value === undefined) return false;
  setPath(caseData, path, value);
  return true;
}
