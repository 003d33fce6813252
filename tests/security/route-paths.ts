import type { ServerBuild } from "@remix-run/node";

/**
 * Every URL the build serves, one per route, with its parameters filled in: a route added later is in the matrix
 * at once. A parameter this list does not know gets "unknown" (the route then answers for a missing thing).
 */
export function everyRoutePath(
  routes: ServerBuild["routes"],
  params: Record<string, string>,
): { id: string; path: string }[] {
  const fullPath = (id: string): string => {
    const route = routes[id]!;
    const parent = route.parentId ? fullPath(route.parentId) : "";
    const own = route.path ?? "";
    return own ? `${parent.replace(/\/$/, "")}/${own}` : parent;
  };
  const seen = new Set<string>();
  const out: { id: string; path: string }[] = [];
  for (const id of Object.keys(routes)) {
    if (id === "root") continue;
    const template = fullPath(id) || "/";
    const path = template
      .split("/")
      .map((segment) => {
        const name = /^:([^?]+)\??$/.exec(segment)?.[1];
        return name ? encodeURIComponent(params[name] ?? "unknown") : segment;
      })
      .join("/");
    const normalised = path.startsWith("/") ? path : `/${path}`;
    if (seen.has(normalised)) continue;
    seen.add(normalised);
    out.push({ id, path: normalised });
  }
  return out;
}

/** Remix single fetch's data URL for a page: `/x.data`, and `/_root.data` for the home page. */
export function dataUrl(path: string): string {
  return path === "/" ? "/_root.data" : `${path.replace(/\/$/, "")}.data`;
}
