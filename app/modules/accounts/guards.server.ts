import { redirect } from "@remix-run/node";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hasConfirmedFactor } from "./mfa.server";
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
  await requireSecondFactorIfDue(user);
  return user;
}

/** A role that must use two-step sign-in (MFA_REQUIRED_ROLES) and has not set it up yet: to the set-up page first. */
async function requireSecondFactorIfDue(user: SessionUser) {
  const required = env()
    .MFA_REQUIRED_ROLES.split(",")
    .map((role) => role.trim());
  if (required.includes(user.role) && !(await hasConfirmedFactor(await getDb(), user.id)))
    throw redirect("/account/mfa?required=1");
}
