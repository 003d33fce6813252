import { openApiDocument } from "~/modules/api/openapi";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of every JSON door (public: it holds no data). */
export function loader() {
  return Response.json(openApiDocument, {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
