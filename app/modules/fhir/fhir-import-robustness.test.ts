import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { importReferralBundle } from "./fhir-import.service.server";

// Whatever a system sends, the FHIR door answers with a 4xx kind, never an exception (a 500).

const now = new Date("2026-12-07T03:00:00Z");
const bodies: unknown[] = [
  null,
  [],
  "Bundle",
  { resourceType: "Bundle" },
  { resourceType: "Bundle", entry: "x" },
  { resourceType: "Bundle", entry: [null, 1, "x"] },
  { resourceType: "Bundle", type: "collection", entry: [{ resource: null }] },
  { resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Patient", name: "x" } }] },
  {
    resourceType: "Bundle",
    type: "collection",
    entry: [{ resource: { resourceType: "Nope" } }, { resource: { resourceType: "Patient" } }],
  },
  {
    resourceType: "Bundle",
    type: "collection",
    entry: [{ resource: { resourceType: "Patient", name: [null], telecom: [{ system: "phone" }] } }],
  },
  {
    resourceType: "Bundle",
    type: "collection",
    entry: [
      { resource: { resourceType: "Patient" } },
      {
        resource: {
          resourceType: "Observation",
          status: "final",
          code: { coding: [{ system: "http://loinc.org", code: "89247-1" }] },
          valueInteger: 9,
        },
      },
    ],
  },
];

describe("FHIR import of odd bodies", () => {
  it("answers each with a kind of refusal or a draft, never an exception", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const user = {
      id: physician.id,
      email: physician.email,
      familyName: "a",
      givenName: "b",
      role: "physician" as const,
      siteCode: null,
      status: "active" as const,
      preferredLanguage: "en",
      institution: "x",
      country: "KR",
      sessionId: "t",
    };
    const kinds: string[] = [];
    for (const body of bodies) kinds.push((await importReferralBundle(db, user, body, { now, ip: null })).kind);
    expect(kinds).toEqual([
      "not_a_bundle",
      "not_a_bundle",
      "not_a_bundle",
      "no_patient",
      "no_patient",
      "no_patient",
      "no_patient",
      "invalid",
      "invalid",
      "invalid",
      "created",
    ]);
  });
});
