// Component schemas of the OpenAPI description (openapi.ts). JSON Schema 2020-12, as OpenAPI 3.1 uses it.
import { indications, sexes } from "~/domain/case/vocabulary";

// The schema words used again and again, named once.
const text = { type: "string" } as const;
const texts = { type: "array", items: text } as const;
const date = { type: "string", format: "date" } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const flag = { type: "boolean" } as const;

const referenceCode = {
  type: "string",
  pattern: "^KQ-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$",
  examples: ["KQ-6FPXE-AA02T-RA389"],
};

export const schemas = {
  ReferenceCode: referenceCode,
  Error: {
    type: "object",
    required: ["error", "message"],
    properties: {
      error: {
        type: "string",
        description:
          "A stable code (unauthorized, not_found, invalid_case, invalid_json, invalid_bundle, no_patient, not_a_bundle, rate_limited, …).",
      },
      message: { type: "string", description: "The message in the Accept-Language (ko, ja, en)." },
      issues: { type: "array", items: { $ref: "#/components/schemas/Issue" } },
    },
  },
  Issue: {
    type: "object",
    required: ["path", "message"],
    properties: {
      path: {
        type: "string",
        description: "The case path (diagnosis.maxDiameterMm) or the FHIR path (Bundle.entry[3].resource.status).",
      },
      message: text,
      resource: { type: "string", description: "For a FHIR bundle: the resource type the issue is in." },
    },
  },
  Case: {
    type: "object",
    description:
      "A referral case (shared/domain/referral-case.md; docs/examples/referral-case.json is a complete example). Unknown fields pass through.",
    required: ["diagnosis", "referredOn"],
    properties: {
      patient: {
        type: "object",
        properties: {
          familyName: text,
          givenName: text,
          familyNameLatin: text,
          givenNameLatin: text,
          birthDate: date,
          sex: { enum: [...sexes] },
          residenceCountry: { type: "string", pattern: "^[A-Z]{2}$" },
          preferredLanguage: { enum: ["ko", "ja", "en"] },
        },
      },
      consent: {
        type: "object",
        properties: {
          sensitiveData: flag,
          crossBorder: flag,
          informedOfDiagnosis: flag,
          research: { type: "boolean", description: "Research use of de-identified data; absent means not given." },
          recordedAt: dateTime,
        },
      },
      diagnosis: { type: "object", required: ["indication"], properties: { indication: { enum: [...indications] } } },
      referredOn: date,
      urgency: { enum: ["routine", "urgent"] },
    },
    additionalProperties: true,
  },
  Decision: {
    type: "object",
    required: ["rulesetVersion", "outcome", "coverage", "criteria", "missing", "route"],
    properties: {
      rulesetVersion: { type: "string", examples: ["kq-2026-12"] },
      outcome: { enum: ["likely_eligible", "needs_review", "not_eligible"] },
      coverage: { enum: ["jp_insurance", "jp_advanced_care", "case_by_case", "none"] },
      criteria: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "status"],
          properties: {
            id: text,
            status: { enum: ["met", "not_met", "unknown", "flag", "not_applicable"] },
            value: {},
            expected: text,
            resolve: text,
          },
        },
      },
      missing: texts,
      route: {
        type: "object",
        properties: {
          site: { enum: ["konyang", "qst", null] },
          reasons: texts,
          alternatives: texts,
        },
      },
      funding: { type: "object" },
    },
  },
  Submitted: {
    type: "object",
    required: ["referenceCode", "status", "decision"],
    properties: {
      referenceCode: referenceCode,
      status: text,
      decision: { $ref: "#/components/schemas/Decision" },
    },
  },
  Referral: {
    type: "object",
    required: ["referenceCode", "status", "history"],
    properties: {
      referenceCode: referenceCode,
      status: text,
      site: { type: ["string", "null"] },
      submittedAt: { type: ["string", "null"], format: "date-time" },
      statusChangedAt: dateTime,
      decision: { oneOf: [{ $ref: "#/components/schemas/Decision" }, { type: "null" }] },
      history: {
        type: "array",
        items: {
          type: "object",
          properties: {
            action: text,
            from: { type: ["string", "null"] },
            to: text,
            at: dateTime,
          },
        },
      },
    },
  },
  FhirBundle: {
    type: "object",
    description:
      "An HL7 FHIR R4 Bundle (type collection): Patient, Practitioner, Organization, ServiceRequest, Condition, Observation (LOINC where one exists; the screen's decision with its rule set as method), DocumentReference, Consent, Task and Provenance. The portal's own codes are under https://fhir.kq-portal.example.",
    required: ["resourceType"],
    properties: {
      resourceType: { const: "Bundle" },
      type: text,
      entry: { type: "array", items: { type: "object" } },
    },
  },
  FhirImported: {
    type: "object",
    required: ["draft", "unmapped", "missing"],
    properties: {
      draft: {
        type: "object",
        properties: {
          id: text,
          status: { const: "draft" },
          url: { type: "string", description: "The draft's page, where the physician finishes it." },
        },
      },
      unmapped: {
        type: "array",
        description: "Each part of the bundle not taken over, with the reason, in the physician's account language.",
        items: {
          type: "object",
          properties: {
            resource: text,
            path: text,
            reason: text,
            code: text,
            message: text,
          },
        },
      },
      missing: {
        type: "array",
        description: "Each field still required before submission.",
        items: { type: "object", properties: { path: text, message: text } },
      },
    },
  },
  StatusRequest: {
    type: "object",
    required: ["referenceCode", "birthDate"],
    properties: {
      referenceCode: {
        type: "string",
        description: "Any spelling: small letters, spaces and full-width characters are accepted.",
      },
      birthDate: date,
    },
  },
  Status: {
    type: "object",
    description: "The patient's plain-language status: stage, site, what happens next, contacts.",
    properties: { stage: text },
    additionalProperties: true,
  },
} as const;
