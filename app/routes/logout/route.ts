import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, endSession, getSessionUser } from "~/modules/accounts/session.server";

/**
 * Signing out also tells the browser to drop what it cached and stored for this site. Not "cookies": that would
 * also drop the device cookie that keeps this browser out of sign-in throttling, and the language choice; the
 * session cookie is cleared on its own (docs/decisions/0021-asvs-level-2.md).
 */
export const clearSiteData = '"cache", "storage"';

export async function action({ request }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) await endSession(user);
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(), "Clear-Site-Data": clearSiteData } });
}

export function loader() {
  return redirect("/");
}
