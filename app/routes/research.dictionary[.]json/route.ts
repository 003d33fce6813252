import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/accounts/guards.server";
import { researchDictionary, researchRoles } from "~/modules/research/research-export.service.server";
import { getDb } from "~/utils/db.server";

/** The research export's data dictionary: column meanings in ko, ja and en, the privacy measures and today's counts. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, researchRoles);
  const dictionary = await researchDictionary(await getDb());
  return new Response(JSON.stringify(dictionary, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="kq-research-dictionary.json"',
      "Cache-Control": "private, no-store",
    },
  });
}
