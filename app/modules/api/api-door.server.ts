import { fallbackLanguage, type Language } from "~/i18n/config";
import { fromAcceptLanguage } from "~/i18n/detect";
import { tFor } from "~/i18n/i18n.server";
import { readBodyText } from "~/modules/screening/screen-door.server";
import type { Database } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { clearRateLimitsWithPrefix, countRequest } from "~/modules/rate-limit/rate-limit.service.server";
import { authenticateApiToken, type ApiPrincipal } from "./api-tokens.service.server";

// What every token-authenticated JSON door shares (shared/domain/api.md): the language (Accept-Language only:
// these doors never read a cookie, which is also why the CSRF guard leaves routes/api.* alone), the error shape,
// the bearer check, the per-token limit and the body checks.

/** Per token, across the referral doors. */
export const API_TOKEN_LIMIT = { limit: env().API_TOKEN_LIMIT_PER_MINUTE, windowMs: 60_000 } as const;

const tokenKeyPrefix = "api-token:";

/**
 * The tokens' requests per minute, counted in the database (the rate_limits table, as sign-in throttling is), so that
 * several app servers on one database hold one limit per token, not one per server.
 */
export const apiTokenLimiter = {
  hit: (db: Database, tokenId: string, now: Date) =>
    countRequest(db, `${tokenKeyPrefix}${tokenId}`, API_TOKEN_LIMIT, now),
  /** Every token starts a fresh minute (tests). */
  reset: (db: Database) => clearRateLimitsWithPrefix(db, tokenKeyPrefix),
};

/** 1 MB: a case is a few kilobytes; attachments travel separately. */
export const MAX_API_BODY_BYTES = 1_048_576;

const REALM = 'Bearer realm="kq-portal"';

export function apiLanguage(request: Request): Language {
  return fromAcceptLanguage(request.headers.get("Accept-Language")) ?? fallbackLanguage;
}

export function apiTranslator(request: Request) {
  return tFor(apiLanguage(request), ["api", "screen", "validation"]);
}

type ErrorExtra = {
  issues?: unknown[];
  headers?: Record<string, string>;
  params?: Record<string, unknown>;
  messageKey?: string;
};

/** `{ error, message, issues? }` with the status; the message in the request's Accept-Language. */
export function apiError(request: Request, status: number, code: string, extra: ErrorExtra = {}): Response {
  const t = apiTranslator(request);
  const body: Record<string, unknown> = {
    error: code,
    message: t(extra.messageKey ?? `api:errors.${code}`, extra.params ?? {}),
  };
  if (extra.issues) body.issues = extra.issues;
  return Response.json(body, {
    status,
    headers: {
      "Cache-Control": "no-store",
      "Content-Language": apiLanguage(request),
      Vary: "Accept-Language, Authorization",
      ...extra.headers,
    },
  });
}

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, {
    status,
    headers: { "Cache-Control": "no-store", Vary: "Accept-Language, Authorization" },
  });
}

export function methodNotAllowed(request: Request, allow: "GET" | "POST"): Response {
  return apiError(request, 405, `method_not_allowed_${allow.toLowerCase()}`, { headers: { Allow: allow } });
}

/** The token of an `Authorization: Bearer <token>` header (RFC 6750: the scheme is case-insensitive), or null. */
export function bearerTokenOf(request: Request): string | null {
  const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(request.headers.get("Authorization") ?? "");
  return match ? match[1]! : null;
}

export type Authenticated = { ok: true; principal: ApiPrincipal } | { ok: false; response: Response };

/**
 * The physician a request speaks for, within the token's rate limit; otherwise the answer to send:
 * 401 (missing, unknown, revoked, or the account no longer active) or 429.
 */
export async function authenticateRequest(request: Request, db: Database, now: Date): Promise<Authenticated> {
  const presented = bearerTokenOf(request);
  const principal = await authenticateApiToken(db, presented, now);
  if (!principal) {
    const challenge = request.headers.has("Authorization") ? `${REALM}, error="invalid_token"` : REALM;
    return {
      ok: false,
      response: apiError(request, 401, "unauthorized", { headers: { "WWW-Authenticate": challenge } }),
    };
  }
  const verdict = await apiTokenLimiter.hit(db, principal.tokenId, now);
  if (!verdict.ok) {
    return {
      ok: false,
      response: apiError(request, 429, "rate_limited", {
        headers: { "Retry-After": String(verdict.retryAfterSeconds) },
        params: { seconds: verdict.retryAfterSeconds },
      }),
    };
  }
  return { ok: true, principal };
}

export type JsonBody = { ok: true; json: unknown } | { ok: false; response: Response };

/** The request's JSON body: 415 unless it says JSON, 413 past 1 MB (whatever Content-Length claims), 400 if it does not parse. */
export async function readJsonBody(request: Request): Promise<JsonBody> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
    return { ok: false, response: apiError(request, 415, "unsupported_media_type") };
  }
  const body = await readBodyText(request, MAX_API_BODY_BYTES);
  if (!body.ok)
    return {
      ok: false,
      response:
        body.reason === "too_large"
          ? apiError(request, 413, "payload_too_large")
          : apiError(request, 400, "invalid_json"),
    };
  try {
    return { ok: true, json: JSON.parse(body.text) };
  } catch {
    return { ok: false, response: apiError(request, 400, "invalid_json") };
  }
}
