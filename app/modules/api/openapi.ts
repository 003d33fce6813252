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
const retryAfter = { "Retry-After": { schema: { type: "integer" } } };
const tokenErrors = {
  "401": { ...error("No valid token."), headers: { "WWW-Authenticate": { schema: { type: "string" } } } },
  "429": { ...error("Over 60 requests a minute with this token."), headers: retryAfter },
};

/** A door anyone may call (each is rate-limited per address), with a JSON body. */
const publicPost = <R extends object>(tag: string, summary: string, body: string, responses: R) => ({
  tags: [tag],
  summary,
  parameters: [acceptLanguage],
  requestBody: { required: true, content: json(body) },
  responses,
});

/** A door for a physician's API token: it says so, and answers a missing token and too many requests like the others. */
function physicianDoor<O extends { responses: object }>(tags: string[], summary: string, operation: O) {
  const { responses, ...request } = operation;
  return { tags, summary, security: [{ bearer: [] }], ...request, responses: { ...responses, ...tokenErrors } };
}

/** One of the physician's referrals, named by its code: `ok` answers it; an unknown code, or another's, is a 404. */
const referralGet = <A extends object>(tag: string, summary: string, ok: A) =>
  physicianDoor([tag], summary, {
    parameters: [code, acceptLanguage],
    responses: { "200": ok, "404": error("Unknown, or not this physician's.") },
  });

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
      post: publicPost("screen", "Screen a case (no patient identity needed; rate-limited per address)", "Case", {
        "200": { description: "The decision.", content: json("Decision") },
        "400": error("Invalid case: each issue names the field."),
        "429": error("Too many requests."),
      }),
    },
    "/api/v1/referrals": {
      post: physicianDoor(
        ["referrals", "fhir"],
        "Submit a complete case (application/json), or make a draft from a FHIR R4 Bundle (application/fhir+json)",
        {
          parameters: [acceptLanguage],
          requestBody: { required: true, content: { ...json("Case"), ...fhir("FhirBundle") } },
          responses: {
            "201": {
              description:
                "JSON case: the submitted referral (Location: the referral's door). FHIR bundle: the draft, each unmapped part and each missing field (Location: the draft's page).",
              headers: { Location: { schema: { type: "string" } } },
              content: { ...json("Submitted"), ...fhir("FhirImported") },
            },
            "400": error(
              "Invalid case, malformed JSON, not a Bundle, a bundle without a Patient, or a bundle that is not valid R4 (each issue names resource and path). Nothing is stored.",
            ),
            "413": error("Body over 1 MB."),
            "415": error("Not JSON."),
          },
        },
      ),
    },
    "/api/v1/referrals/{referenceCode}": {
      get: referralGet("referrals", "The physician's referral: status, decision and history (audited)", {
        description: "The referral.",
        content: json("Referral"),
      }),
    },
    "/api/v1/referrals/{referenceCode}/fhir": {
      get: referralGet("fhir", "The physician's referral as a FHIR R4 Bundle (audited)", {
        description: "The bundle; it validates against the R4 base definitions.",
        content: fhir("FhirBundle"),
      }),
    },
    "/api/v1/status": {
      post: publicPost(
        "status",
        "The patient's status check: reference code and date of birth (the same limits as the status page)",
        "StatusRequest",
        {
          "200": { description: "The status in plain language.", content: json("Status") },
          "400": error("Invalid request."),
          "404": error("No referral with this code and date of birth (one answer for both)."),
          "429": { ...error("Locked or throttled."), headers: retryAfter },
        },
      ),
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
