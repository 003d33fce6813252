import type { ActionFunctionArgs } from "@remix-run/node";
import {
  apiError,
  apiJson,
  apiTranslator,
  authenticateRequest,
  methodNotAllowed,
  readJsonBody,
} from "~/modules/api/api-door.server";
import { submitReferralFromApi } from "~/modules/api/referrals-api.service.server";
import { fhirImportAnswer } from "~/modules/fhir/fhir-import-answer.server";
import { importReferralBundle } from "~/modules/fhir/fhir-import.service.server";
import { isFhirJson } from "~/modules/fhir/fhir-response.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { kickMailer } from "~/modules/notifications/mailer.server";

// POST /api/v1/referrals (shared/domain/api.md): a physician's system submits a complete case with the physician's
// API token. Never reads cookies; the CSRF guard leaves routes/api.* alone for that reason.

export function loader({ request }: { request: Request }) {
  return methodNotAllowed(request, "POST");
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, "POST");
  const db = await getDb();
  const now = new Date();
  const auth = await authenticateRequest(request, db, now);
  if (!auth.ok) return auth.response;

  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  // A FHIR R4 Bundle makes a draft for the physician to finish in the browser (issue #11).
  if (isFhirJson(request)) {
    const result = await importReferralBundle(
      db,
      { ...auth.principal, sessionId: `api-token:${auth.principal.tokenId}` },
      body.json,
      { now, ip: clientIp(request) },
    );
    return fhirImportAnswer(request, result, auth.principal.preferredLanguage);
  }

  const result = await submitReferralFromApi(db, auth.principal, body.json, now);
  if (result.kind === "invalid") {
    const t = apiTranslator(request);
    const issues = result.issues.map((issue) => ({
      path: issue.path,
      message: t(issue.messageKey, issue.params ?? {}),
    }));
    return apiError(request, 400, "invalid_case", { issues });
  }
  void kickMailer(); // a patient who opted in hears the referral was received
  const response = apiJson(
    { referenceCode: result.referenceCode, status: result.status, decision: result.decision },
    201,
  );
  response.headers.set("Location", `/api/v1/referrals/${result.referenceCode}`);
  return response;
}
