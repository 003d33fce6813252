// The Condition, the screen's decision and the attachments of a referral's bundle.
import type { CodeableConcept, Condition, ConditionStage, DocumentReference, Observation } from "@medplum/fhirtypes";
import type { AttachmentFacts } from "~/domain/case/attachment";
import type { DecisionJson } from "~/domain/screen";
import { getPath } from "./case-observations";
import { documentLoinc, extensions, stagingLoinc, systems, type Ref } from "./vocabulary";

const str = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);
const coded = (system: string, code: string, display?: string): CodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});

function stagesOf(caseData: Record<string, unknown>): ConditionStage[] {
  const edition = str(getPath(caseData, "diagnosis.tnm.edition"));
  const withEdition = edition ? { extension: [{ url: extensions.tnmEdition, valueString: edition }] } : {};
  const stages: ConditionStage[] = [];
  const group = str(getPath(caseData, "diagnosis.stage"));
  if (group)
    stages.push({
      ...withEdition,
      summary: { text: group },
      type: coded(systems.loinc, stagingLoinc.stage.code, stagingLoinc.stage.display),
    });
  for (const part of ["t", "n", "m"] as const) {
    const value = str(getPath(caseData, `diagnosis.tnm.${part}`));
    if (value)
      stages.push({
        ...withEdition,
        summary: { text: value },
        type: coded(systems.loinc, stagingLoinc[part].code, stagingLoinc[part].display),
      });
  }
  return stages;
}

/** The cancer: the indication, ICD-10 and ICD-O-3 morphology codes, the stage group and TNM with its edition. */
export function conditionResource(caseData: Record<string, unknown>, subject: Ref): Condition {
  const indication = str(getPath(caseData, "diagnosis.indication"));
  const icd10 = str(getPath(caseData, "diagnosis.icd10"));
  const morphology = str(getPath(caseData, "diagnosis.icdO3Morphology"));
  const codings = [
    ...(icd10 ? [{ system: systems.icd10, code: icd10 }] : []),
    ...(morphology ? [{ system: systems.icdO3, code: morphology }] : []),
    ...(indication ? [{ system: systems.indication, code: indication }] : []),
  ];
  const recurrent = getPath(caseData, "diagnosis.status") === "recurrent";
  const confirmed = getPath(caseData, "diagnosis.histologicallyConfirmed");
  const condition: Condition = {
    resourceType: "Condition",
    clinicalStatus: coded(systems.conditionClinical, recurrent ? "recurrence" : "active"),
    verificationStatus: coded(systems.conditionVerification, confirmed === true ? "confirmed" : "provisional"),
    category: [coded(systems.conditionCategory, "problem-list-item")],
    code: { coding: codings, text: indication },
    subject,
  };
  const stages = stagesOf(caseData);
  if (stages.length) condition.stage = stages;
  return condition;
}

/**
 * The screen's decision as an Observation: the outcome as its value, the rule set as its method, and the coverage,
 * the route, each criterion's status and each missing field as components. The receiving team decides; this is
 * the portal's screen, said so in the code's text.
 */
export function decisionObservation(decision: DecisionJson, subject: Ref, effective: string): Observation {
  const component: Observation["component"] = [
    { code: coded(systems.screen, "coverage"), valueCodeableConcept: coded(systems.coverage, decision.coverage) },
    ...(decision.route.site
      ? [{ code: coded(systems.screen, "route-site"), valueCodeableConcept: coded(systems.site, decision.route.site) }]
      : []),
    ...decision.criteria.map((c) => ({
      code: coded(systems.criterion, c.id),
      valueCodeableConcept: coded(systems.criterionStatus, c.status),
    })),
    ...decision.missing.map((path) => ({
      code: coded(systems.screen, "missing"),
      valueCodeableConcept: coded(systems.caseField, path),
    })),
  ];
  return {
    resourceType: "Observation",
    status: "final",
    code: {
      ...coded(systems.screen, "screen-decision"),
      text: "Carbon-ion eligibility screen (portal rules; the receiving team decides)",
    },
    subject,
    effectiveDateTime: effective,
    method: coded(systems.ruleSet, decision.rulesetVersion),
    valueCodeableConcept: coded(systems.screenOutcome, decision.outcome),
    component,
  };
}

/** An attachment as described, not its bytes: type, size, SHA-256 (in its own extension: R4's hash is SHA-1), name. */
export function documentReference(attachment: AttachmentFacts, subject: Ref): DocumentReference {
  const loinc = documentLoinc[attachment.kind];
  return {
    resourceType: "DocumentReference",
    status: "current",
    type: {
      coding: [
        ...(loinc ? [{ system: systems.loinc, code: loinc.code, display: loinc.display }] : []),
        { system: systems.attachmentKind, code: attachment.kind },
      ],
    },
    subject,
    date: attachment.uploadedAt,
    content: [
      {
        attachment: {
          contentType: attachment.mediaType,
          size: attachment.sizeBytes,
          title: attachment.fileName,
          creation: attachment.uploadedAt,
          extension: [{ url: extensions.sha256, valueString: attachment.sha256 }],
        },
      },
    ],
  };
}
