import type { SignedInUser } from "./use-root-data";

export type NavItem = { to: string; labelKey: string };

/** What each kind of visitor can reach; the server checks every one of these again. */
export function navigationFor(user: SignedInUser | null): NavItem[] {
  const home = { to: "/", labelKey: "nav.home" };
  const precheck = { to: "/precheck", labelKey: "nav.precheck" };
  const account = { to: "/account", labelKey: "nav.account" };
  const research = { to: "/research", labelKey: "research:nav" };
  const users = { to: "/admin/users", labelKey: "nav.users" };
  const siteQueue = [
    { to: "/queue", labelKey: "queue:nav.queue" },
    { to: "/queue/dashboard", labelKey: "queue:nav.dashboard" },
    { to: "/conferences", labelKey: "conferences:nav" },
  ];
  if (!user) {
    return [home, precheck, { to: "/login", labelKey: "nav.signIn" }, { to: "/register", labelKey: "nav.register" }];
  }
  if (user.status !== "active") return [home, account];
  switch (user.role) {
    case "admin":
      return [
        home,
        users,
        { to: "/admin/exchange", labelKey: "admin:exchange.nav" },
        { to: "/admin/sites", labelKey: "nav.sites" },
        { to: "/admin/rules", labelKey: "rules:admin.nav" },
        { to: "/admin/audit", labelKey: "audit:nav" },
        research,
        { to: "/admin/retention", labelKey: "security:retention.nav" },
        account,
      ];
    case "researcher":
      return [home, research, account];
    case "physician":
      return [home, { to: "/referrals", labelKey: "intake:nav" }, precheck, account];
    case "coordinator":
      return [home, ...siteQueue, { to: "/queue/slots", labelKey: "queue:nav.slots" }, users, precheck, account];
    default:
      return [home, ...siteQueue, precheck, account];
  }
}
