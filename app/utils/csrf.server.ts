import { cookieName, readCookie, serializeCookie } from "./cookies.server";
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

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (!origin || origin === "null") return origin === null; // absent: non-browser client; "null": refuse
  const host = request.headers.get("X-Forwarded-Host") ?? request.headers.get("Host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Origin check plus synchroniser token (cookie value echoed in the form or a header).
 * Reads the body from a clone so the action can still read it.
 */
export async function isCsrfValid(request: Request): Promise<boolean> {
  if (!sameOrigin(request)) return false;
  const expected = readCookie(request, csrfCookie());
  if (!expected) return false;
  let sent = request.headers.get(csrfHeaderName);
  if (!sent) {
    const type = request.headers.get("Content-Type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
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
