// The OpenAPI 3.1 description of every JSON door (issue #11, part 4), served at GET /api/v1/openapi.json and held
// to the OpenAPI 3.1 schema by openapi.test.ts. Written by hand from the routes in app/routes/api.v1.*: a door added
// there is added here (the test lists the route folders and fails on one that is not described).
import { schemas } from "./openapi-schemas";

const json = (schema: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } });
const fhir = (schema: string) => ({ "application/fhir+json": { schema: { $ref: `#/components/schemas/${schema}` } } });
const error = (description: string) => ({ description, content: json("Error") });
const acceptLanguage = { $ref: "#/components/parameters/AcceptLanguage" };
const code = {
  name: "referenceCode",
  in: "path",
  required: true,
  description: "The referral's reference code (any spelling).",
  schema: { type: "string" },
};
const tokenErrors = {
  "401": { ...error("No valid token."), headers: { "WWW-Authenticate": { schema: { type: "string" } } } },
  "429": {
    ...error("Over 60 requests a minute with this token."),
    headers: { "Retry-After": { schema: { type: "integer" } } },
  },
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Konyang × QST carbon-ion referral portal: JSON doors",
    version: "1.0.0",
    description:
      "The operations of the portal's pages for hospital systems and scripts. Errors are { error, message, issues? } with the message in the Accept-Language (ko, ja, en). Referral doors need a physician's API token (Authorization: Bearer kq_…), created at /account/tokens.",
  },
  servers: [{ url: "/" }],
  tags: [{ name: "screen" }, { name: "referrals" }, { name: "fhir" }, { name: "status" }, { name: "meta" }],
  paths: {
    "/api/v1/screen": {
      post: {
        tags: ["screen"],
        summary: "Screen a case (no patient identity needed; rate-limited per address)",
        parameters: [acceptLanguage],
        requestBody: { required: true, content: json("Case") },
        responses: {
          "200": { description: "The decision.", content: json("Decision") },
          "400": error("Invalid case: each issue names the field."),
          "429": error("Too many requests."),
        },
      },
    },
    "/api/v1/referrals": {
      post: {
        tags: ["referrals", "fhir"],
        summary:
          "Submit a complete case (application/json), or make a draft from a FHIR R4 Bundle (application/fhir+json)",
        security: [{ bearer: [] }],
        parameters: [acceptLanguage],
        requestBody: { required: true, content: { ...json("Case"), ...fhir("FhirBundle") } },
        responses: {
          "201": {
            description:
              "JSON case: the submitted referral (Location: the referral's door). FHIR bundle: the draft, each unmapped part and each missing field (Location: the draft's page).",
            headers: { Location: { schema: { type: "string" } } },
            content: {
              ...json("Submitted"),
              "application/fhir+json": { schema: { $ref: "#/components/schemas/FhirImported" } },
            },
          },
          "400": error(
            "Invalid case, malformed JSON, not a Bundle, a bundle without a Patient, or a bundle that is not valid R4 (each issue names resource and path). Nothing is stored.",
          ),
          "413": error("Body over 1 MB."),
          "415": error("Not JSON."),
          ...tokenErrors,
        },
      },
    },
    "/api/v1/referrals/{referenceCode}": {
      get: {
        tags: ["referrals"],
        summary: "The physician's referral: status, decision and history (audited)",
        security: [{ bearer: [] }],
        parameters: [code, acceptLanguage],
        responses: {
          "200": { description: "The referral.", content: json("Referral") },
          "404": error("Unknown, or not this physician's."),
          ...tokenErrors,
        },
      },
    },
    "/api/v1/referrals/{referenceCode}/fhir": {
      get: {
        tags: ["fhir"],
        summary: "The physician's referral as a FHIR R4 Bundle (audited)",
        security: [{ bearer: [] }],
        parameters: [code, acceptLanguage],
        responses: {
          "200": {
            description: "The bundle; it validates against the R4 base definitions.",
            content: fhir("FhirBundle"),
          },
          "404": error("Unknown, or not this physician's."),
          ...tokenErrors,
        },
      },
    },
    "/api/v1/status": {
      post: {
        tags: ["status"],
        summary: "The patient's status check: reference code and date of birth (the same limits as the status page)",
        parameters: [acceptLanguage],
        requestBody: { required: true, content: json("StatusRequest") },
        responses: {
          "200": { description: "The status in plain language.", content: json("Status") },
          "400": error("Invalid request."),
          "404": error("No referral with this code and date of birth (one answer for both)."),
          "429": { ...error("Locked or throttled."), headers: { "Retry-After": { schema: { type: "integer" } } } },
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        tags: ["meta"],
        summary: "This description",
        responses: {
          "200": {
            description: "OpenAPI 3.1 document.",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: {
        type: "http",
        scheme: "bearer",
        description: "A physician's API token (kq_…); only its SHA-256 is stored.",
      },
    },
    parameters: {
      AcceptLanguage: {
        name: "Accept-Language",
        in: "header",
        required: false,
        description: "ko, ja or en: the language of messages.",
        schema: { type: "string" },
      },
    },
    schemas,
  },
} as const;
