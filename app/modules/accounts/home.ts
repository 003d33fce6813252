import type { Role } from "./session.server";

/** Where each role lands after signing in: its own workspace. */
export const roleHome: Record<Role, string> = {
  physician: "/referrals",
  coordinator: "/queue",
  reviewer: "/queue",
  admin: "/admin/users",
  researcher: "/research",
};

export const pendingHome = "/account/pending";

export function homeFor(user: { role: Role; status: string }): string {
  return user.status === "pending" ? pendingHome : roleHome[user.role];
}
