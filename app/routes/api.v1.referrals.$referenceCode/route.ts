import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, authenticateRequest, methodNotAllowed } from "~/modules/api/api-door.server";
import { referralForApi } from "~/modules/api/referrals-api.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

// GET /api/v1/referrals/{referenceCode} (shared/domain/api.md): the owning physician's token sees the referral,
// its decision and its history. Anyone else's referral and an unknown code answer the same 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const now = new Date();
  const auth = await authenticateRequest(request, db, now);
  if (!auth.ok) return auth.response;
  const referral = await referralForApi(db, auth.principal, params.referenceCode ?? "", { ip: clientIp(request), now });
  if (!referral) return apiError(request, 404, "not_found");
  return apiJson(referral);
}

export function action({ request }: { request: Request }) {
  return methodNotAllowed(request, "GET");
}
