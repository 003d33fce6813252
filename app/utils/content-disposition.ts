/**
 * `attachment` with an ASCII name for old clients and the real one in UTF-8 for the rest (RFC 6266 / RFC 5987).
 * The ASCII name is the real one with what ASCII cannot say replaced, unless the caller has a better one (a letter's
 * "decision-letter-<code>.pdf" where the real name is in Korean or Japanese).
 */
export function contentDisposition(fileName: string, asciiName?: string): string {
  const fallback = asciiName ?? (fileName.replace(/[^\x20-\x7E]/g, "_").replace(/["\\;]/g, "_") || "file");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
