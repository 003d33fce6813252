import type { ActionFunctionArgs } from "@remix-run/node";
import { fallbackLanguage, type Language } from "~/i18n/config";
import { fromAcceptLanguage } from "~/i18n/detect";
import { tFor } from "~/i18n/i18n.server";
import { readBodyText } from "~/modules/screening/screen-door.server";
import { statusLookupSchema } from "~/modules/status-lookup/status-lookup.schema";
import { lookUpStatus } from "~/modules/status-lookup/status-lookup.service.server";
import { statusWords } from "~/modules/status-lookup/status-words";
import { clientIp } from "~/utils/client-ip.server";
import { siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { getDb } from "~/utils/db.server";

// POST /api/v1/status: { referenceCode, birthDate } → the same plain-language status the patient page shows
// (shared/domain/api.md). The same service, so the same limits, the same identical failure answer and the same
// audit trail. Never reads cookies: the language comes from Accept-Language (else the patient's own, for a found
// referral), and the CSRF guard leaves routes/api.* alone because nothing here trusts a cookie.

const MAX_BODY_BYTES = 4_096; // a code and a date are a few dozen bytes
const translationKey = /^[a-z]+:[\w.]+$/;

function requestedLanguage(request: Request): Language | undefined {
  return fromAcceptLanguage(request.headers.get("Accept-Language"));
}

function answer(status: number, body: unknown, lng: Language, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", "Content-Language": lng, ...headers } });
}

function error(
  request: Request,
  status: number,
  code: string,
  messageKey: string,
  extra: { issues?: unknown[]; headers?: Record<string, string>; count?: number } = {},
) {
  const lng = requestedLanguage(request) ?? fallbackLanguage;
  const t = tFor(lng, "status");
  const body: Record<string, unknown> = {
    error: code,
    message: t(messageKey, extra.count === undefined ? {} : { count: extra.count }),
  };
  if (extra.issues) body.issues = extra.issues;
  return answer(status, body, lng, extra.headers);
}

export function loader({ request }: { request: Request }) {
  return error(request, 405, "method_not_allowed", "status:api.errors.method_not_allowed", {
    headers: { Allow: "POST" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST")
    return error(request, 405, "method_not_allowed", "status:api.errors.method_not_allowed", {
      headers: { Allow: "POST" },
    });

  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
    return error(request, 415, "unsupported_media_type", "status:api.errors.unsupported_media_type");
  }
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (!body.ok) {
    return body.reason === "too_large"
      ? error(request, 413, "payload_too_large", "status:api.errors.payload_too_large")
      : error(request, 400, "invalid_json", "status:api.errors.invalid_json");
  }
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return error(request, 400, "invalid_json", "status:api.errors.invalid_json");
  }

  const parsed = statusLookupSchema.safeParse(json);
  if (!parsed.success) {
    const t = tFor(requestedLanguage(request) ?? fallbackLanguage, "status");
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: t(translationKey.test(issue.message) ? issue.message : "status:api.errors.invalid_request"),
    }));
    return error(request, 400, "invalid_request", "status:api.errors.invalid_request", { issues });
  }

  const now = new Date();
  const db = await getDb();
  const result = await lookUpStatus(db, parsed.data, { ip: clientIp(request), now, door: "api" });
  switch (result.kind) {
    case "not_found":
      // One answer for a wrong code and a wrong birth date, byte for byte.
      return error(request, 404, "not_found", "status:errors.notFound");
    case "locked":
    case "throttled": {
      const seconds = Math.max(1, Math.ceil((result.until.getTime() - now.getTime()) / 1000));
      return error(request, 429, result.kind === "locked" ? "locked" : "rate_limited", `status:errors.${result.kind}`, {
        count: Math.ceil(seconds / 60),
        headers: { "Retry-After": String(seconds) },
      });
    }
    case "found": {
      const lng = requestedLanguage(request) ?? result.facts.patientLanguage ?? fallbackLanguage;
      return answer(
        200,
        statusWords(result.facts, lng, tFor(lng, "status"), await siteContactsOf(db, result.facts.site.code)),
        lng,
      );
    }
  }
}
