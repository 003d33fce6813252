import type { LinkDescriptor } from "@remix-run/node";

/** A route's `links`: its stylesheets, in the order given (a later one wins a tie). */
export function stylesheets(...hrefs: string[]): LinkDescriptor[] {
  return hrefs.map((href) => ({ rel: "stylesheet", href }));
}
