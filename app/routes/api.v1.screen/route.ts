import type { ActionFunctionArgs } from "@remix-run/node";
import { issuesOf, screenCaseSchema } from "~/domain/case/schema";
import { fallbackLanguage } from "~/i18n/config";
import { fromAcceptLanguage } from "~/i18n/detect";
import { tFor } from "~/i18n/i18n.server";
import { MAX_SCREEN_BODY_BYTES, readBodyText, screenApiLimiter } from "~/modules/screening/screen-door.server";
import { screenCaseToJson } from "~/modules/screening/screening.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

// POST /api/v1/screen: case → decision, for hospital systems and scripts (shared/domain/api.md).
// Anonymous and rate-limited; needs no patient identity; never reads cookies (the language comes from
// Accept-Language only, and the CSRF guard leaves routes/api.* alone because nothing here trusts a cookie).

function translator(request: Request) {
  return tFor(fromAcceptLanguage(request.headers.get("Accept-Language")) ?? fallbackLanguage, ["precheck", "screen"]);
}

function error(
  request: Request,
  status: number,
  code: string,
  extra: { issues?: unknown[]; headers?: Record<string, string>; params?: Record<string, unknown> } = {},
) {
  const t = translator(request);
  const body: Record<string, unknown> = { error: code, message: t(`precheck:api.errors.${code}`, extra.params ?? {}) };
  if (extra.issues) body.issues = extra.issues;
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...extra.headers } });
}

export function loader({ request }: { request: Request }) {
  return error(request, 405, "method_not_allowed", { headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return error(request, 405, "method_not_allowed", { headers: { Allow: "POST" } });

  const verdict = screenApiLimiter.hit(clientIp(request) ?? "unknown", Date.now());
  if (!verdict.ok) {
    return error(request, 429, "rate_limited", {
      headers: { "Retry-After": String(verdict.retryAfterSeconds) },
      params: { seconds: verdict.retryAfterSeconds },
    });
  }

  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type))
    return error(request, 415, "unsupported_media_type");

  const body = await readBodyText(request, MAX_SCREEN_BODY_BYTES);
  if (!body.ok)
    return body.reason === "too_large" ? error(request, 413, "payload_too_large") : error(request, 400, "invalid_json");

  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return error(request, 400, "invalid_json");
  }

  const parsed = screenCaseSchema.safeParse(json);
  if (!parsed.success) {
    const t = translator(request);
    const issues = issuesOf(parsed.error).map((issue) => ({
      path: issue.path,
      message: t(issue.messageKey, issue.params ?? {}),
    }));
    return error(request, 400, "invalid_case", { issues });
  }

  return Response.json(await screenCaseToJson(await getDb(), parsed.data), {
    headers: { "Cache-Control": "no-store" },
  });
}
