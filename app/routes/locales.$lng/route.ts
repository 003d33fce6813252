import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n/config";
import { allResources } from "~/i18n/resources.server";
import { notFound } from "~/utils/not-found.server";

/** All namespaces of one language, for the browser's i18next (public words only, no user data). */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isLanguage(params.lng)) throw notFound();
  return Response.json(
    { resources: allResources()[params.lng] },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}
