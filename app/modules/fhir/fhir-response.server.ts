import type { Resource } from "@medplum/fhirtypes";

/** FHIR's JSON media type (R4 §3.1.0.1.9); health data, so never cached by a browser or a proxy. */
export const FHIR_JSON = "application/fhir+json";

export function fhirJson(
  resource: Resource,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(resource), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": `${FHIR_JSON}; charset=utf-8`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      Vary: "Accept-Language, Authorization",
      ...init.headers,
    },
  });
}

/** Whether a request's body is declared as FHIR JSON (`application/fhir+json`, any parameters). */
export function isFhirJson(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase() === FHIR_JSON;
}
