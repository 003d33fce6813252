// A referral as one FHIR R4 Bundle (issue #11): Patient, Practitioner, the sites, ServiceRequest, Condition, the
// clinical facts as Observations, the screen's decision, the attachments, the consents, the Task and its history.
// Pure: ids come from the caller's generator, the clock from the caller's `exportedAt`.
import type { Bundle, BundleEntry, Resource } from "@medplum/fhirtypes";
import type { DecisionJson } from "~/domain/screen";
import { caseObservations } from "./case-observations";
import type { AttachmentFacts } from "~/domain/case/attachment";
import { conditionResource, decisionObservation, documentReference } from "./clinical-resources";
import { consentResources, patientResource, type ConsentItem } from "./patient-resources";
import { systems, type Ref } from "./vocabulary";
import {
  organizationResource,
  practitionerResource,
  provenanceResource,
  serviceRequestResource,
  taskResource,
  type HistoryFacts,
  type Person,
  type ReferralFacts,
} from "./workflow-resources";

export type BundleInput = {
  referral: ReferralFacts;
  caseData: Record<string, unknown>;
  decision: DecisionJson | null;
  attachments: readonly AttachmentFacts[];
  history: readonly HistoryFacts[];
  physician: Person & { institution: string };
  assignee: Person | null;
  sites: readonly { code: string; name: string }[];
  /** False for the partner site of a joint review: no names, birth date, contacts or record number (ADR 0018). */
  identity: boolean;
  consentItems: readonly ConsentItem[];
  exportedAt: string;
  newUuid: () => string;
};

export function referralBundle(input: BundleInput): Bundle {
  const entries: BundleEntry[] = [];
  const add = (resource: Resource): Ref => {
    const fullUrl = `urn:uuid:${input.newUuid()}`;
    entries.push({ fullUrl, resource });
    return { reference: fullUrl };
  };
  const { caseData, referral } = input;
  const effective =
    typeof caseData.referredOn === "string" ? caseData.referredOn : (referral.submittedAt ?? input.exportedAt);

  const patient = add(patientResource(caseData, input.identity));
  const requester = add(practitionerResource(input.physician));
  const siteRefs = new Map(input.sites.map((site) => [site.code, add(organizationResource(site))]));
  const assignee = input.assignee ? add(practitionerResource(input.assignee)) : undefined;
  const condition = add(conditionResource(caseData, patient));
  const observations = caseObservations(caseData, { subject: patient, effective }).map(add);
  const decision = input.decision
    ? [add(decisionObservation(input.decision, patient, referral.submittedAt ?? effective))]
    : [];
  const documents = input.attachments.map((a) => add(documentReference(a, patient)));
  for (const consent of consentResources(caseData, patient, input.consentItems)) add(consent);

  const performer = referral.siteCode ? siteRefs.get(referral.siteCode) : undefined;
  const request = add(
    serviceRequestResource(referral, caseData, {
      patient,
      requester,
      performer,
      condition,
      supportingInfo: [...observations, ...decision, ...documents],
    }),
  );
  // The Task's history refers to the Task, and the Task lists its history: the Task's address is taken first.
  const taskUrl = `urn:uuid:${input.newUuid()}`;
  const history = input.history.map((step) => add(provenanceResource(step, { reference: taskUrl })));
  const task = taskResource(referral, { request, patient, requester, owner: assignee ?? performer, history });
  entries.push({ fullUrl: taskUrl, resource: task });

  return {
    resourceType: "Bundle",
    identifier: { system: systems.referenceCode, value: referral.referenceCode },
    type: "collection",
    timestamp: input.exportedAt,
    entry: entries,
  };
}
