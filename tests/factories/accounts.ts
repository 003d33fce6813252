import { insertUser } from "~/modules/accounts/accounts.repository.server";
import { hashPassword } from "~/modules/accounts/password.server";
import { openSession, type Role } from "~/modules/accounts/session.server";
import { expect } from "vitest";
import type { Database } from "~/utils/db.server";
import { formRequest } from "../setup/request";
import { newId } from "~/utils/tokens.server";

export const TEST_PASSWORD = "stone-river-lantern-42";

let counter = 0;
let cachedHash: Promise<string> | undefined;

// Realistic people from the portal's three languages, family name first.
const people = [
  { family: "김", given: "민준", institution: "충남대학교병원", country: "KR", language: "ko" },
  { family: "佐藤", given: "美咲", institution: "千葉大学医学部附属病院", country: "JP", language: "ja" },
  { family: "Smith", given: "Alice", institution: "St Thomas' Hospital", country: "other", language: "en" },
] as const;

type Overrides = Partial<{
  email: string;
  role: Role;
  status: string;
  site: string | null;
  password: string;
  /** Where the person works (ISO 3166 code); otherwise that of the realistic person the account is named after. */
  country: string;
}>;

/** Inserts an account straight into the database (hashing TEST_PASSWORD once per test file). */
export async function createAccount(db: Database, overrides: Overrides = {}) {
  counter += 1;
  const person = people[counter % people.length]!;
  const id = newId();
  const email = overrides.email ?? `person${counter}.${Date.now()}@hospital.test`;
  const passwordHash = overrides.password
    ? await hashPassword(overrides.password)
    : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const role = overrides.role ?? "physician";
  await insertUser(db, {
    id,
    email,
    password_hash: passwordHash,
    family_name: person.family,
    given_name: person.given,
    role,
    site_code:
      overrides.site !== undefined ? overrides.site : role === "coordinator" || role === "reviewer" ? "konyang" : null,
    institution: person.institution,
    country: overrides.country ?? person.country,
    preferred_language: person.language,
    status: overrides.status ?? "active",
    approved_by: null,
    approved_at: null,
    created_at: new Date().toISOString(),
    failed_login_count: 0,
    locked_until: null,
  });
  return { id, email, role, familyName: person.family, givenName: person.given };
}

/** A signed-in session for the account: the Cookie header value a browser would send. */
export async function sessionCookieFor(db: Database, userId: string, now = new Date()): Promise<string> {
  const setCookie = await openSession(db, userId, now, null);
  return setCookie.split(";")[0]!;
}

/** A new account (a physician unless `overrides` say otherwise) and the Cookie header of its signed-in browser. */
export async function accountWithCookie(db: Database, overrides: Overrides = {}) {
  const account = await createAccount(db, overrides);
  return { ...account, cookie: await sessionCookieFor(db, account.id) };
}

/** The answer of every page to an account that still awaits approval: off to its pending page. */
export const toPendingPage = { status: 302, location: "/account/pending" } as const;

/** Awaits a loader or action and answers what it returned or threw (Remix throws redirects and 403s). */
export async function settle<T>(promise: T | Promise<T>): Promise<T | Response> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** What a loader or action answered (awaited or not), in one shape: a status, a redirect target, data, cookies. */
export async function answerOf(
  promise: unknown,
): Promise<{ status: number; location: string | null; data: any; setCookies: string[] }> {
  const result = await settle(promise);
  if (result instanceof Response) {
    return {
      status: result.status,
      location: result.headers.get("Location"),
      data: null,
      setCookies: result.headers.getSetCookie(),
    };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = result as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, location: null, data, setCookies: new Headers(init?.headers).getSetCookie() };
  }
  return { status: 200, location: null, data: result, setCookies: [] };
}

/** A GET request, as a browser would send it, optionally signed in. */
export function getRequest(path: string, options: { cookie?: string; lng?: string } = {}) {
  const cookies = [options.cookie, options.lng ? `lng=${options.lng}` : undefined].filter(Boolean).join("; ");
  return new Request(`http://localhost${path}`, { headers: cookies ? { Cookie: cookies } : {} });
}

export const args = (request: Request) => ({ request, params: {}, context: {} });

type PageRoute = { loader: (args: never) => unknown; action: (args: never) => unknown };

/** Signs in one account of each role (and site) in turn: the page and its form must answer each with a 403. */
export async function expectPageAndFormForbidden(
  db: Database,
  accounts: readonly (readonly [Role, string | null])[],
  route: PageRoute,
  path: string,
  fields: Record<string, string> = {},
) {
  for (const [role, site] of accounts) {
    const cookie = await sessionCookieFor(db, (await createAccount(db, { role, site })).id);
    expect((await answerOf(route.loader(args(getRequest(path, { cookie })) as never))).status, role).toBe(403);
    expect((await answerOf(route.action(args(formRequest(path, fields, { cookie })) as never))).status, role).toBe(403);
  }
}

/** One account of every role, with the staff roles at both sites. */
const everyRoleAtEverySite: readonly (readonly [Role, string | null])[] = [
  ["physician", null],
  ["coordinator", "konyang"],
  ["coordinator", "qst"],
  ["reviewer", "konyang"],
  ["reviewer", "qst"],
  ["admin", null],
  ["researcher", null],
];

/**
 * A page for one role only: a visitor who is not signed in is sent to sign in, and every other role (staff of either
 * site) gets a 403 from the page and from its form.
 */
export async function expectOnlyRoleServed(
  db: Database,
  role: Role,
  route: PageRoute,
  path: string,
  fields: Record<string, string> = {},
) {
  expect((await answerOf(route.loader(args(getRequest(path)) as never))).status, "not signed in").toBe(302);
  const others = everyRoleAtEverySite.filter(([other]) => other !== role);
  await expectPageAndFormForbidden(db, others, route, path, fields);
}
