import type { ServerBuild } from "@remix-run/node";
import { FORM_MAX_BYTES } from "./request-guards";
import {
  csrfHeaderName,
  isCsrfContextValid,
  isCsrfValid,
  isMultipart,
  verifiesCsrfInFirstPart,
} from "../app/utils/csrf.server";

/**
 * Wraps every route action so that no state-changing request reaches one without a valid
 * Origin and CSRF token: one guard for all routes, including Remix's `.data` requests.
 * The JSON doors under /api/ authenticate with bearer tokens, never cookies, so they are exempt.
 *
 * A multipart body (a file upload) is never parsed here, which would hold the whole upload in memory: it needs the
 * token in the `X-CSRF-Token` header, or, for a form posted without JavaScript, a route whose `handle` says it checks
 * the token itself as the body's first part (`csrfFirstPartHandle`) before it reads any file.
 */
export function withCsrfGuard(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    if (!action || id.startsWith("routes/api.")) {
      routes[id] = route;
      continue;
    }
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        action: async (args) => {
          const request = args.request;
          if (
            isMultipart(request) &&
            !request.headers.has(csrfHeaderName) &&
            verifiesCsrfInFirstPart(route.module.handle)
          ) {
            if (!isCsrfContextValid(request)) throw new Response(null, { status: 403 });
            return action(args);
          }
          // An upload streams to its own limit; any other body is read here, up to the form limit.
          const bounded = isMultipart(request) ? request : await withBoundedBody(request, FORM_MAX_BYTES);
          if (!(await isCsrfValid(bounded))) throw new Response(null, { status: 403 });
          return action({ ...args, request: bounded });
        },
      },
    };
  }
  return { ...build, routes };
}

/**
 * A form body read whole, but never more than `maxBytes`: past that, a translated 413 (the error page), whatever
 * Content-Length claimed or when there was none (chunked). server/request-guards.ts already refused a declared
 * length over the limit before any of it was read.
 */
export async function withBoundedBody(request: Request, maxBytes: number): Promise<Request> {
  if (!request.body) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // Stop reading, but do not cancel: cancelling destroys the socket before the 413 page can be sent. Node
    // discards (never keeps) whatever the client still sends.
    if (total > maxBytes) throw new Response(null, { status: 413 });
    chunks.push(value);
  }
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: Buffer.concat(chunks),
    signal: request.signal,
  });
}
