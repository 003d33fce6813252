import { env } from "~/utils/env.server";
import { createMemoryRateLimiter } from "~/utils/rate-limit-memory.server";

/**
 * The anonymous screen doors' limits, per client address. In memory: a screen writes nothing, and a database
 * row per request would cost more than the screen itself (docs/decisions/0005-site-configuration-and-screen-doors.md).
 */
export const SCREEN_API_LIMIT = { limit: env().SCREEN_API_LIMIT_PER_MINUTE, windowMs: 60_000 } as const;
// The pre-check page recomputes as the physician types (debounced, a few posts a minute each), and a hospital
// behind one address may have several physicians at it: it gets more room than the API.
export const PRECHECK_LIMIT = { limit: 600, windowMs: 60_000 } as const;

export const screenApiLimiter = createMemoryRateLimiter(SCREEN_API_LIMIT);
export const precheckLimiter = createMemoryRateLimiter(PRECHECK_LIMIT);

/** 1 MB: a case is a few kilobytes; anything near this is not a case. */
export const MAX_SCREEN_BODY_BYTES = 1_048_576;

export type BodyRead = { ok: true; text: string } | { ok: false; reason: "too_large" | "not_utf8" };

/** Reads a request body as UTF-8 text, giving up as soon as it passes `limit` bytes (whatever Content-Length says). */
export async function readBodyText(request: Request, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: "not_utf8" };
  }
}
