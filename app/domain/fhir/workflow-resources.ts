// The referral as a request and as work: ServiceRequest (what is asked, by whom, of which site), Task (where it
// stands and who holds it) and one Provenance per step of its history, which the Task lists as relevantHistory.
import type { Organization, Practitioner, Provenance, ServiceRequest, Task } from "@medplum/fhirtypes";
import { getPath } from "./case-observations";
import { extensions, systems, type Ref } from "./vocabulary";

export type Person = { id: string; familyName: string; givenName: string };
export type ReferralFacts = {
  referenceCode: string;
  status: string;
  siteCode: string | null;
  submittedAt: string | null;
  statusChangedAt: string;
  urgency: string;
};
export type HistoryFacts = {
  action: string;
  from: string | null;
  to: string;
  at: string;
  actorRole: string;
  actorId: string | null;
};

export function practitionerResource(person: Person & { institution?: string }): Practitioner {
  return {
    resourceType: "Practitioner",
    identifier: [{ system: systems.user, value: person.id }],
    name: [{ family: person.familyName, given: [person.givenName], text: `${person.familyName} ${person.givenName}` }],
  };
}

export function organizationResource(site: { code: string; name: string }): Organization {
  return { resourceType: "Organization", identifier: [{ system: systems.site, value: site.code }], name: site.name };
}

const requestStatus: Record<string, ServiceRequest["status"]> = {
  draft: "draft",
  declined: "revoked",
  withdrawn: "revoked",
  closed: "completed",
};

const taskStatus: Record<string, Task["status"]> = {
  draft: "draft",
  submitted: "requested",
  triage: "received",
  redirected: "received",
  in_review: "in-progress",
  info_requested: "on-hold",
  accepted: "accepted",
  consultation_scheduled: "accepted",
  declined: "rejected",
  withdrawn: "cancelled",
  closed: "completed",
};

type Refs = { patient: Ref; requester: Ref; performer?: Ref; condition: Ref; supportingInfo: Ref[] };

/** The referral itself: reference code, priority, requester, the site it is at, and the cancer as its reason. */
export function serviceRequestResource(
  referral: ReferralFacts,
  caseData: Record<string, unknown>,
  refs: Refs,
): ServiceRequest {
  const reason = getPath(caseData, "history.referralReason");
  return {
    resourceType: "ServiceRequest",
    identifier: [{ system: systems.referenceCode, value: referral.referenceCode }],
    status: requestStatus[referral.status] ?? "active",
    intent: "order",
    category: [{ coding: [{ system: "http://snomed.info/sct", code: "3457005", display: "Patient referral" }] }],
    code: { text: "Carbon-ion radiotherapy assessment" },
    priority: referral.urgency === "urgent" ? "urgent" : "routine",
    subject: refs.patient,
    requester: refs.requester,
    performer: refs.performer ? [refs.performer] : undefined,
    authoredOn: referral.submittedAt ?? undefined,
    occurrenceDateTime:
      typeof getPath(caseData, "referredOn") === "string" ? (getPath(caseData, "referredOn") as string) : undefined,
    reasonReference: [refs.condition],
    reasonCode: typeof reason === "string" && reason.trim() ? [{ text: reason }] : undefined,
    supportingInfo: refs.supportingInfo.length ? refs.supportingInfo : undefined,
  };
}

/** Where the referral stands (FHIR's task status, and the portal's own status as business status) and who holds it. */
export function taskResource(
  referral: ReferralFacts,
  refs: { request: Ref; patient: Ref; requester: Ref; owner?: Ref; history: Ref[] },
): Task {
  return {
    resourceType: "Task",
    identifier: [{ system: systems.referenceCode, value: referral.referenceCode }],
    status: taskStatus[referral.status] ?? "requested",
    businessStatus: { coding: [{ system: systems.referralStatus, code: referral.status }] },
    intent: "order",
    focus: refs.request,
    for: refs.patient,
    requester: refs.requester,
    owner: refs.owner,
    authoredOn: referral.submittedAt ?? undefined,
    lastModified: referral.statusChangedAt,
    relevantHistory: refs.history.length ? refs.history : undefined,
  };
}

/** One step of the history: what was done, when, by which role (and which account), from which status to which. */
export function provenanceResource(step: HistoryFacts, target: Ref): Provenance {
  return {
    resourceType: "Provenance",
    target: [target],
    recorded: step.at,
    activity: { coding: [{ system: systems.referralAction, code: step.action }] },
    agent: [
      {
        who: step.actorId
          ? { identifier: { system: systems.user, value: step.actorId }, display: step.actorRole }
          : { display: step.actorRole },
      },
    ],
    extension: [
      ...(step.from ? [{ url: extensions.statusFrom, valueCode: step.from }] : []),
      { url: extensions.statusTo, valueCode: step.to },
    ],
  };
}
