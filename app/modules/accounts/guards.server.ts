import { redirect } from "@remix-run/node";
import { getSessionUser, type Role, type SessionUser } from "./session.server";

/** Sends anonymous visitors to sign in and back; suspended or unapproved accounts may do nothing else. */
export async function requireUser(request: Request, now = new Date()): Promise<SessionUser> {
  const user = await getSessionUser(request, now);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname.replace(/\.data$/, "") + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** An active account with one of the roles; anything else is a 403 with no data. */
export async function requireRole(request: Request, roles: readonly Role[], now = new Date()): Promise<SessionUser> {
  const user = await requireUser(request, now);
  if (user.status === "pending") throw redirect("/account/pending");
  if (user.status !== "active" || !roles.includes(user.role)) {
    throw new Response(null, { status: 403 });
  }
  return user;
}
