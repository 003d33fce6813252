/**
 * A redirect target taken from a form or query string, only when it stays on this site:
 * a relative path starting with one "/" (not "//" or "/\", which browsers treat as another host).
 */
export function safeRedirect(to: unknown, fallback: string): string {
  if (typeof to !== "string" || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Control characters (a tab or newline inside "/\t/evil.example") can also turn a path into a host.
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  // A Location header holds ASCII only: "/referrals/한국" would throw when the redirect is built (a 500 after
  // signing in). A browser sends such a path percent-encoded, so a raw one was typed or forged: go home instead.
  if (/[^\u0020-\u007e]/.test(to)) return fallback;
  return to;
}
