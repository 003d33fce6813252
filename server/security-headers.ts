import crypto from "node:crypto";
import type { RequestHandler, Response } from "express";

/** Where the per-request script nonce lives, on `res.locals` and in Remix's load context. */
export const nonceKey = "cspNonce";

/**
 * The Content-Security-Policy for one response. Scripts run only from our own origin or inline with this request's
 * nonce (Remix's hydration and single-fetch scripts): never `unsafe-inline` for scripts. Styles keep
 * `unsafe-inline` because a few components set `style` attributes (no script can run from a style).
 * `development` lets Vite's hot-reload socket connect.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    development ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Until a route says otherwise, nothing the portal answers may be stored by a browser or proxy: signed-in pages,
 * Remix `.data` responses and JSON doors all carry patient data (docs/decisions/0021-asvs-level-2.md). Static
 * assets and the translations route set their own caching before their headers go out.
 */
// Headers this middleware sets that a route may also set on its own Response (a download's nosniff, a page's referrer
// policy): Remix's adapter appends, and "nosniff, nosniff" is not a value a browser honours.
const singleValued = ["X-Content-Type-Options", "Referrer-Policy"];

function collapseRepeats(res: Response, name: string) {
  const value = res.getHeader(name);
  if (value === undefined) return;
  const parts = [
    ...new Set((Array.isArray(value) ? value : [String(value)]).flatMap((v) => v.split(",")).map((v) => v.trim())),
  ];
  // Two different policies: the route's own (the last) wins, as it would have without this middleware.
  res.setHeader(name, parts[parts.length - 1]!);
}

function defaultNoStore(res: Response) {
  const writeHead = res.writeHead;
  res.writeHead = function patchedWriteHead(this: Response, ...args: Parameters<Response["writeHead"]>) {
    if (!res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", "no-store");
    for (const name of singleValued) collapseRepeats(res, name);
    return writeHead.apply(this, args);
  } as Response["writeHead"];
}

/** The headers every response carries (ASVS 5.0 V3.4), and the nonce the HTML renderer puts on its scripts. */
export function securityHeaders(options: { hsts: boolean; development?: boolean }): RequestHandler {
  return (_req, res, next) => {
    const nonce = crypto.randomBytes(18).toString("base64");
    res.locals[nonceKey] = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, options.development));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    // Only when cookies are Secure (production behind TLS): over plain http a browser ignores it anyway, and
    // sending it from a development machine could pin localhost to https.
    if (options.hsts) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    defaultNoStore(res);
    next();
  };
}

/** Remix's load context: the nonce, for app/entry.server.tsx and the root layout's scripts. */
export function loadContextFor(res: Response): { [nonceKey]: string } {
  return { [nonceKey]: String(res.locals[nonceKey] ?? "") };
}
