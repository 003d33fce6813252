/**
 * The header server/index.ts sets on every request from the socket's address (or, when TRUST_PROXY is
 * configured, from the proxy's X-Forwarded-For as Express resolves it), after dropping any a client sent.
 */
export const clientIpHeader = "x-client-ip";

/**
 * The address a request came from, for rate limits and the audit log; null when unknown (tests, scripts).
 * A client's own X-Forwarded-For is never read here: anyone can write one, and a per-address limit that
 * trusts it is no limit (docs/decisions/0004-accounts-and-sessions.md).
 */
export function clientIp(request: Request): string | null {
  const value = request.headers.get(clientIpHeader)?.trim();
  return value ? value.slice(0, 64) : null;
}
