// Signing in as a demo account the way a browser does (GET /login for the CSRF cookie, POST the form, and for staff
// the two-step sign-in the portal requires of them by default: set up on first sign-in, a code afterwards), and
// fetching pages with the cookies that come back.
import SQLite from "better-sqlite3";
import { generate } from "otplib";
export type Jar = { cookie: string };

function merge(jar: Jar, response: Response): void {
  const cookies = new Map(
    jar.cookie ? jar.cookie.split("; ").map((c) => [c.slice(0, c.indexOf("=")), c] as const) : [],
  );
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    cookies.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  jar.cookie = [...cookies.values()].join("; ");
}

export async function get(base: string, path: string, jar?: Jar): Promise<{ status: number; text: string }> {
  const response = await fetch(base + path, { headers: jar ? { Cookie: jar.cookie } : {}, redirect: "manual" });
  if (jar) merge(jar, response);
  return { status: response.status, text: await response.text() };
}

const csrfOf = (jar: Jar) => {
  const csrf = /_csrf[^=]*=([^;]+)/.exec(jar.cookie)?.[1];
  if (!csrf) throw new Error("no CSRF cookie");
  return decodeURIComponent(csrf);
};

async function postForm(base: string, path: string, jar: Jar, fields: Record<string, string>): Promise<Response> {
  const response = await fetch(base + path, {
    method: "POST",
    headers: { Cookie: jar.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, _csrf: csrfOf(jar) }),
    redirect: "manual",
  });
  merge(jar, response);
  return response;
}

/** The current one-time code of the account's factor, read from the portal's database as the person's phone would. */
async function oneTimeCode(databaseFile: string, email: string): Promise<string> {
  const sqlite = new SQLite(databaseFile, { readonly: true });
  try {
    const row = sqlite
      .prepare("SELECT f.secret FROM mfa_factors f JOIN users u ON u.id = f.user_id WHERE u.email = ?")
      .get(email) as { secret: string } | undefined;
    if (!row) throw new Error(`no second factor for ${email}`);
    return await generate({ secret: row.secret, epoch: Math.floor(Date.now() / 1000) });
  } finally {
    sqlite.close();
  }
}

/**
 * A signed-in cookie jar for a demo account (every demo password is the same, README "Demo data"). Staff must use
 * two-step sign-in (MFA_REQUIRED_ROLES): a first sign-in sets it up as a person would (the set-up page, then the code
 * typed back), a later one answers the code page; the codes come from the secret in `databaseFile`.
 */
export async function signIn(
  base: string,
  email: string,
  databaseFile: string,
  password = "carbon-ion-demo",
): Promise<Jar> {
  const jar: Jar = { cookie: "" };
  await get(base, "/login", jar);
  const response = await postForm(base, "/login", jar, { email, password });
  if (response.status !== 302) throw new Error(`sign-in as ${email} answered ${response.status}`);
  let home = response.headers.get("location") ?? "/";
  if (home.startsWith("/login/code")) {
    let answer = await postForm(base, "/login/code", jar, { code: await oneTimeCode(databaseFile, email) });
    if (answer.status === 400) {
      // A code works once: signed in with this one already (a run moments ago), so wait for the next.
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
      answer = await postForm(base, "/login/code", jar, { code: await oneTimeCode(databaseFile, email) });
    }
    if (answer.status !== 302) throw new Error(`the code for ${email} answered ${answer.status}`);
    home = answer.headers.get("location") ?? "/";
  }
  const first = await fetch(base + home, { headers: { Cookie: jar.cookie }, redirect: "manual" });
  if (first.headers.get("location")?.startsWith("/account/mfa")) {
    // The set-up page makes the secret; typing its code back confirms it.
    await get(base, "/account/mfa?required=1", jar);
    const confirmed = await postForm(base, "/account/mfa", jar, { code: await oneTimeCode(databaseFile, email) });
    if (confirmed.status !== 200)
      throw new Error(`setting up two-step sign-in for ${email} answered ${confirmed.status}`);
  }
  return jar;
}

/** The first path in a page's HTML that matches `pattern` (its first group), e.g. a referral's own page. */
export async function discover(base: string, path: string, jar: Jar, pattern: RegExp): Promise<string> {
  const { text } = await get(base, path, jar);
  const found = pattern.exec(text)?.[1];
  if (!found) throw new Error(`nothing matching ${pattern} on ${path}`);
  return found;
}
