// Staff-exchange rows out of the repository become camelCase objects here, once, so routes never read a column name.
import type { GrantState } from "~/domain/staff-exchange/grant-window";
import type { activeSiteStaff } from "~/modules/accounts/accounts.repository.server";
import type { grantsAtHosts, GrantRow } from "./staff-exchange.repository.server";

/** A person as the exchange pages show them: name parts, address and role. */
export type ExchangePerson = { familyName: string; givenName: string; email: string; role: string };

/** A grant in the administrator's list, with where it stands on its host's today. */
export type ExchangeGrant = {
  id: string;
  visitor: ExchangePerson & { homeSiteCode: string | null };
  hostSiteCode: string;
  hostTimeZone: string;
  from: string;
  to: string;
  note: string | null;
  grantedAt: string;
  grantedBy: { familyName: string; givenName: string };
  state: GrantState;
};

/** Someone an administrator may choose as a visitor. */
export type ExchangeCandidate = ExchangePerson & { id: string; siteCode: string | null };

/** A grant that may be revoked now, with its visitor, for the confirmation page. */
export type RevocableGrant = {
  id: string;
  hostSiteCode: string;
  from: string;
  to: string;
  state: GrantState;
  visitor: ExchangePerson & { homeSiteCode: string | null };
};

type ListedGrantRow = Awaited<ReturnType<typeof grantsAtHosts>>[number];

export function toExchangeGrant(row: ListedGrantRow, state: GrantState): ExchangeGrant {
  return {
    id: row.id,
    visitor: {
      familyName: row.family_name,
      givenName: row.given_name,
      email: row.email,
      role: row.role,
      homeSiteCode: row.home_site_code,
    },
    hostSiteCode: row.host_site_code,
    hostTimeZone: row.host_timezone,
    from: row.from_date,
    to: row.to_date,
    note: row.note,
    grantedAt: row.granted_at,
    grantedBy: { familyName: row.granted_by_family_name, givenName: row.granted_by_given_name },
    state,
  };
}

export function toExchangeCandidate(row: Awaited<ReturnType<typeof activeSiteStaff>>[number]): ExchangeCandidate {
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    email: row.email,
    role: row.role,
    siteCode: row.site_code,
  };
}

export function toRevocableGrant(
  grant: GrantRow,
  state: GrantState,
  visitor: ExchangePerson & { homeSiteCode: string | null },
): RevocableGrant {
  return { id: grant.id, hostSiteCode: grant.host_site_code, from: grant.from_date, to: grant.to_date, state, visitor };
}
