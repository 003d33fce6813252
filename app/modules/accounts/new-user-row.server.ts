// A new account's row, from what the person gave (the registration form or an administrator's form) and how the
// account starts. One mapping, so a person's fields reach the same columns whichever way the account is opened.
import type { insertUser } from "./accounts.repository.server";

type UserInsert = Parameters<typeof insertUser>[1];

export type NewPerson = {
  email: string;
  familyName: string;
  givenName: string;
  institution: UserInsert["institution"];
  country: UserInsert["country"];
  preferredLanguage: UserInsert["preferred_language"];
};

/** How the account starts: its role and site, whether it is active yet and who approved it. */
export type AccountStart = Pick<
  UserInsert,
  "role" | "site_code" | "status" | "approved_by" | "approved_at" | "created_at"
>;

export function newUserRow(id: string, person: NewPerson, passwordHash: string, start: AccountStart): UserInsert {
  return {
    id,
    email: person.email,
    password_hash: passwordHash,
    family_name: person.familyName,
    given_name: person.givenName,
    role: start.role,
    site_code: start.site_code,
    institution: person.institution,
    country: person.country,
    preferred_language: person.preferredLanguage,
    status: start.status,
    approved_by: start.approved_by,
    approved_at: start.approved_at,
    created_at: start.created_at,
    failed_login_count: 0,
    locked_until: null,
  };
}
