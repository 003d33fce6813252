import { pingDatabase } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

/** For load balancers and monitors: 200 when the database answers, 503 when it does not. */
export async function loader() {
  try {
    await pingDatabase();
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error({ err: error }, "health check failed");
    return Response.json(
      { status: "error", database: "unavailable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
