import type { ServerBuild } from "@remix-run/node";
import { isCsrfValid } from "../app/utils/csrf.server";

/**
 * Wraps every route action so that no state-changing request reaches one without a valid
 * Origin and CSRF token: one guard for all routes, including Remix's `.data` requests.
 * The JSON doors under /api/ authenticate with bearer tokens, never cookies, so they are exempt.
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
          if (!(await isCsrfValid(args.request))) throw new Response(null, { status: 403 });
          return action(args);
        },
      },
    };
  }
  return { ...build, routes };
}
