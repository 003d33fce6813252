import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/accounts/guards.server";
import { exportResearchCsv, researchRoles } from "~/modules/research/research-export.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

/** The de-identified cohort as CSV: fresh ids and date shifts each time; audited with the file's SHA-256 before it leaves. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, researchRoles);
  const now = new Date();
  const { csv, sha256, cohort } = await exportResearchCsv(await getDb(), user, { now, ip: clientIp(request) });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kq-research-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // The counts and the fingerprint also travel with the file, for a script that downloads it.
      "X-Research-Rows": String(cohort.rows.length),
      "X-Research-Suppressed": String(cohort.suppressed),
      "X-Content-SHA256": sha256,
    },
  });
}
