import type { RequestHandler } from "express";

/** The largest form body (not an upload) the portal accepts: far above any form it has, far below a flood. */
export const FORM_MAX_BYTES = 1024 * 1024;

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
// The JSON doors authenticate with bearer tokens, never cookies, and bound their own bodies (api-door.server.ts).
const isJsonDoor = (path: string) => path.startsWith("/api/");

/** An error the fallback page (server/fallback-error.ts) turns into a translated page with this status. */
function refusal(status: number): Error & { status: number } {
  return Object.assign(new Error(`refused with ${status}`), { status });
}

/**
 * X-Forwarded-Host names the site only when a proxy we trust wrote it (TRUST_PROXY); otherwise anyone could send
 * one and pass the origin check with their own host. Dropped here so neither Remix nor the CSRF check reads it.
 */
export function untrustedForwardedHost(trustProxy: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!trustProxy) delete req.headers["x-forwarded-host"];
    next();
  };
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * A state-changing request whose browser says it comes from another site gets 403 here, with a translated page.
 * (Remix refuses it too, but by throwing an error that becomes a 500.) No Origin at all is left to the CSRF token.
 */
export const refuseForeignOrigins: RequestHandler = (req, _res, next) => {
  if (safeMethods.has(req.method) || isJsonDoor(req.path)) return next();
  const origin = req.headers.origin;
  if (origin === undefined) return next();
  const host = (req.headers["x-forwarded-host"] as string | undefined)?.split(",")[0]?.trim() || req.headers.host;
  if (origin === "null" || !host || originHost(origin) !== host) return next(refusal(403));
  next();
};

/**
 * A form body that says it is larger than the limit is refused before anything reads it (413, translated); a body
 * that does not say its length is counted as it is read (server/csrf-guard.ts). Uploads keep their own streamed
 * limits (attachments.service.server.ts).
 */
export function boundFormBodies(maxBytes = FORM_MAX_BYTES): RequestHandler {
  return (req, res, next) => {
    if (safeMethods.has(req.method) || isJsonDoor(req.path)) return next();
    if ((req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data")) return next();
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      // Do not wait for the rest of a body we will never read.
      res.setHeader("Connection", "close");
      return next(refusal(413));
    }
    next();
  };
}

/** The guards in the order server/index.ts mounts them, before Remix. */
export function requestGuards(options: { trustProxy: string | undefined; formMaxBytes?: number }): RequestHandler[] {
  return [untrustedForwardedHost(options.trustProxy), refuseForeignOrigins, boundFormBodies(options.formMaxBytes)];
}
