import type { SignedInUser } from "./use-root-data";

export type NavItem = { to: string; labelKey: string };

/** What each kind of visitor can reach; the server checks every one of these again. */
export function navigationFor(user: SignedInUser | null): NavItem[] {
  const home = { to: "/", labelKey: "nav.home" };
  const precheck = { to: "/precheck", labelKey: "nav.precheck" };
  const siteQueue = [
    { to: "/queue", labelKey: "queue:nav.queue" },
    { to: "/queue/dashboard", labelKey: "queue:nav.dashboard" },
    { to: "/conferences", labelKey: "conferences:nav" },
  ];
  if (!user) {
    return [home, precheck, { to: "/login", labelKey: "nav.signIn" }, { to: "/register", labelKey: "nav.register" }];
  }
  if (user.status !== "active") return [home, { to: "/account", labelKey: "nav.account" }];
  switch (user.role) {
    case "admin":
      return [
        home,
        { to: "/admin/users", labelKey: "nav.users" },
        { to: "/admin/exchange", labelKey: "admin:exchange.nav" },
        { to: "/admin/sites", labelKey: "nav.sites" },
        { to: "/admin/rules", labelKey: "rules:admin.nav" },
        { to: "/admin/audit", labelKey: "audit:nav" },
        { to: "/research", labelKey: "research:nav" },
        { to: "/admin/retention", labelKey: "security:retention.nav" },
        { to: "/account", labelKey: "nav.account" },
      ];
    case "researcher":
      return [home, { to: "/research", labelKey: "research:nav" }, { to: "/account", labelKey: "nav.account" }];
    case "physician":
      return [
        home,
        { to: "/referrals", labelKey: "intake:nav" },
        precheck,
        { to: "/account", labelKey: "nav.account" },
      ];
    case "coordinator":
      return [
        home,
        ...siteQueue,
        { to: "/queue/slots", labelKey: "queue:nav.slots" },
        { to: "/admin/users", labelKey: "nav.users" },
        precheck,
        { to: "/account", labelKey: "nav.account" },
      ];
    default:
      return [home, ...siteQueue, precheck, { to: "/account", labelKey: "nav.account" }];
  }
}
