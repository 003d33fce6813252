import type { LoaderFunctionArgs } from "@remix-run/node";
import { normalizeReferenceCode } from "~/domain/reference-code/reference-code";
import { apiError, authenticateRequest, methodNotAllowed } from "~/modules/api/api-door.server";
import { exportReferralFhir } from "~/modules/fhir/fhir-export.service.server";
import { fhirJson } from "~/modules/fhir/fhir-response.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

// GET /api/v1/referrals/{referenceCode}/fhir (issue #11): the referral as a FHIR R4 Bundle for the owning physician's
// token. Anyone else's referral and an unknown code answer the same 404, as the JSON door beside it.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const now = new Date();
  const auth = await authenticateRequest(request, db, now);
  if (!auth.ok) return auth.response;
  const code = normalizeReferenceCode(params.referenceCode ?? "");
  const exported = code
    ? await exportReferralFhir(
        db,
        { user: auth.principal, via: "api", tokenId: auth.principal.tokenId },
        { code },
        { now, ip: clientIp(request) },
      )
    : null;
  if (!exported) return apiError(request, 404, "not_found");
  return fhirJson(exported.bundle);
}

export function action({ request }: { request: Request }) {
  return methodNotAllowed(request, "GET");
}
