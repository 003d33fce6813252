import { fallbackLanguage, isLanguage } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { apiError, apiJson } from "~/modules/api/api-door.server";
import type { FhirImportResult } from "./fhir-import.service.server";

/**
 * The answer to a FHIR import. Errors follow Accept-Language like every JSON door; a created draft's lists are in
 * the physician's own account language (issue #11), since they are the physician's to-do list for the draft.
 */
export function fhirImportAnswer(request: Request, result: FhirImportResult, physicianLanguage: string): Response {
  if (result.kind === "not_a_bundle")
    return apiError(request, 400, "not_a_bundle", { messageKey: "fhir:errors.not_a_bundle" });
  if (result.kind === "no_patient")
    return apiError(request, 400, "no_patient", { messageKey: "fhir:errors.no_patient" });
  if (result.kind === "invalid")
    return apiError(request, 400, "invalid_bundle", {
      messageKey: "fhir:errors.invalid_bundle",
      issues: result.issues.map(({ resource, path, message }) => ({ resource, path, message })),
    });
  const t = tFor(isLanguage(physicianLanguage) ? physicianLanguage : fallbackLanguage, ["fhir", "screen"]);
  const url = `/referrals/${result.draftId}/edit`;
  const response = apiJson(
    {
      draft: { id: result.draftId, status: "draft", url },
      unmapped: result.unmapped.map((part) => ({
        ...part,
        message: t(`fhir:import.unmapped.${part.reason}`, {
          resource: part.resource,
          path: part.path,
          code: part.code ?? "",
        }),
      })),
      missing: result.missing.map((path) => ({
        path,
        message: t("fhir:import.missing", { field: t(`screen:fields.${path}`) }),
      })),
    },
    201,
  );
  response.headers.set("Location", url);
  return response;
}
