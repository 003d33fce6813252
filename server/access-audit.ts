import type { ServerBuild } from "@remix-run/node";
import { pageReadActions, recordPageRead, recordRefusalIfForeign } from "../app/modules/audit/access-audit.server";

type Handler = NonNullable<ServerBuild["routes"][string]["module"]["loader"]>;
type Args = Parameters<Handler>[0];

const refusal = (value: unknown) => value instanceof Response && (value.status === 404 || value.status === 403);

/**
 * Wraps every loader and action (those without an `id` in their URL return at once): a page of `pageReadActions` that was shown
 * writes its read event, and a refusal of someone else's referral writes a security event. One place for all routes
 * (pages and Remix `.data` requests alike), so a new page cannot forget the refusal.
 */
function audited(routeId: string, handler: Handler, isLoader: boolean): Handler {
  return async (args: Args) => {
    let result: unknown;
    try {
      result = await handler(args);
    } catch (thrown) {
      if (refusal(thrown)) await recordRefusalIfForeign(args.request, routeId, args.params);
      throw thrown;
    }
    if (refusal(result)) await recordRefusalIfForeign(args.request, routeId, args.params);
    else if (isLoader && !(result instanceof Response) && routeId in pageReadActions)
      await recordPageRead(args.request, routeId, args.params);
    return result;
  };
}

export function withAccessAudit(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    if (!loader && !action) {
      routes[id] = route;
      continue;
    }
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: audited(id, loader, true) } : {}),
        ...(action ? { action: audited(id, action, false) } : {}),
      },
    };
  }
  return { ...build, routes };
}
