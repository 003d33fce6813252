import type { Role } from "./session.server";

/** Where each role lands after signing in (until the role's own workspace exists). */
export const roleHome: Record<Role, string> = {
  physician: "/precheck",
  coordinator: "/admin/users",
  reviewer: "/account",
  admin: "/admin/users",
};

export const pendingHome = "/account/pending";

export function homeFor(user: { role: Role; status: string }): string {
  return user.status === "pending" ? pendingHome : roleHome[user.role];
}
