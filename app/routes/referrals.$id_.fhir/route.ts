import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/accounts/guards.server";
import { exportReferralFhir } from "~/modules/fhir/fhir-export.service.server";
import { fhirJson } from "~/modules/fhir/fhir-response.server";
import { notFound } from "~/utils/not-found.server";
import { asWorkingUser } from "~/modules/staff-exchange/working-site.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

/**
 * The referral as a FHIR R4 Bundle download (issue #11) from the physician's and the staff's referral pages, and the
 * partner site's joint-review page (without who the patient is, and only with cross-border consent). Anyone else: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const db = await getDb();
  // Staff read for the site they work for on this request (a visitor's host, while a grant is in force).
  const user = await asWorkingUser(db, await requireRole(request, ["physician", "coordinator", "reviewer"], now), now);
  const exported = await exportReferralFhir(
    db,
    { user, via: "page" },
    { id: params.id ?? "" },
    { now, ip: clientIp(request) },
  );
  if (!exported) throw notFound();
  return fhirJson(exported.bundle, {
    headers: { "Content-Disposition": `attachment; filename="${exported.referenceCode}.fhir.json"` },
  });
}
