import { cookieName, readCookie, serializeCookie } from "./cookies.server";
import { env } from "./env.server";
import { randomToken, safeEqual } from "./tokens.server";

export const csrfFieldName = "_csrf";
export const csrfHeaderName = "X-CSRF-Token";
const csrfCookie = () => cookieName("kq_csrf");

/** The visitor's CSRF token, and a Set-Cookie header when a new one had to be issued. */
export function csrfTokenFor(request: Request): { token: string; setCookie?: string } {
  const existing = readCookie(request, csrfCookie());
  if (existing && existing.length >= 32) return { token: existing };
  const token = randomToken();
  return { token, setCookie: serializeCookie(csrfCookie(), token) };
}

/** A new token at sign-in (a token planted before it, by anyone, is worth nothing after): the Set-Cookie header. */
export function rotatedCsrfCookie(): string {
  return serializeCookie(csrfCookie(), randomToken());
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (!origin || origin === "null") return origin === null; // absent: non-browser client; "null": refuse
  // A client can write X-Forwarded-Host; only a proxy we were told to trust (TRUST_PROXY) may name the host with it.
  const forwarded = env().TRUST_PROXY ? request.headers.get("X-Forwarded-Host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded || request.headers.get("Host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/**
 * What a route declares in its `handle` when it reads a multipart body itself and checks the token there: the
 * token must then be the body's FIRST part, `_csrf`, verified with `isCsrfFieldValid` before any file is read.
 */
export const csrfFirstPartHandle = { csrf: "multipart-first-part" } as const;

export function verifiesCsrfInFirstPart(handle: unknown): boolean {
  return !!handle && typeof handle === "object" && (handle as { csrf?: unknown }).csrf === csrfFirstPartHandle.csrf;
}

/** Same origin and a CSRF cookie: the part of the check that needs no body. */
export function isCsrfContextValid(request: Request): boolean {
  return sameOrigin(request) && !!readCookie(request, csrfCookie());
}

/** A token that arrived in the body (the first multipart part) matches the cookie, and the origin is ours. */
export function isCsrfFieldValid(request: Request, sent: string | null | undefined): boolean {
  const expected = readCookie(request, csrfCookie());
  return sameOrigin(request) && !!expected && !!sent && safeEqual(sent, expected);
}

/**
 * Origin check plus synchroniser token (cookie value echoed in the form or a header).
 * Reads a url-encoded body from a clone so the action can still read it. A multipart body is never read here:
 * parsing it would buffer a whole upload (hundreds of megabytes) in memory before the action could stream it, so
 * multipart requests need the `X-CSRF-Token` header (or a route that checks its first part, see the guard).
 */
export async function isCsrfValid(request: Request): Promise<boolean> {
  if (!sameOrigin(request)) return false;
  const expected = readCookie(request, csrfCookie());
  if (!expected) return false;
  let sent = request.headers.get(csrfHeaderName);
  if (!sent) {
    const type = request.headers.get("Content-Type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded")) {
      try {
        const value = (await request.clone().formData()).get(csrfFieldName);
        sent = typeof value === "string" ? value : null;
      } catch {
        return false;
      }
    }
  }
  return !!sent && safeEqual(sent, expected);
}
