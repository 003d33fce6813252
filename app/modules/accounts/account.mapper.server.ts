// Account rows out of the repository become camelCase objects here, once, so routes never read a column name.
import type { AccountListRow } from "./accounts.repository.server";

/** An account as the accounts page lists it. */
export type AccountSummary = {
  id: string;
  email: string;
  familyName: string;
  givenName: string;
  role: string;
  siteCode: string | null;
  institution: string;
  country: string;
  status: string;
  /** When the account was registered (UTC ISO). */
  createdAt: string;
};

export function toAccountSummary(row: AccountListRow): AccountSummary {
  return {
    id: row.id,
    email: row.email,
    familyName: row.family_name,
    givenName: row.given_name,
    role: row.role,
    siteCode: row.site_code,
    institution: row.institution,
    country: row.country,
    status: row.status,
    createdAt: row.created_at,
  };
}
