import type { ServerBuild } from "@remix-run/node";
import { csrfHeaderName, isCsrfContextValid, isCsrfValid, isMultipart, verifiesCsrfInFirstPart } from "../app/utils/csrf.server";

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
          if (isMultipart(request) && !request.headers.has(csrfHeaderName) && verifiesCsrfInFirstPart(route.module.handle)) {
            if (!isCsrfContextValid(request)) throw new Response(null, { status: 403 });
            return action(args);
          }
          if (!(await isCsrfValid(request))) throw new Response(null, { status: 403 });
          return action(args);
        },
      },
    };
  }
  return { ...build, routes };
}
