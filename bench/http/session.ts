// Signing in as a demo account the way a browser does (GET /login for the CSRF cookie, POST the form), and fetching
// pages with the cookies that come back.
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

/** A signed-in cookie jar for a demo account (every demo password is the same, README "Demo data"). */
export async function signIn(base: string, email: string, password = "carbon-ion-demo"): Promise<Jar> {
  const jar: Jar = { cookie: "" };
  await get(base, "/login", jar);
  const csrf = /_csrf[^=]*=([^;]+)/.exec(jar.cookie)?.[1];
  if (!csrf) throw new Error("no CSRF cookie from /login");
  const response = await fetch(`${base}/login`, {
    method: "POST",
    headers: { Cookie: jar.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, _csrf: decodeURIComponent(csrf) }),
    redirect: "manual",
  });
  merge(jar, response);
  if (response.status !== 302) throw new Error(`sign-in as ${email} answered ${response.status}`);
  return jar;
}

/** The first path in a page's HTML that matches `pattern` (its first group), e.g. a referral's own page. */
export async function discover(base: string, path: string, jar: Jar, pattern: RegExp): Promise<string> {
  const { text } = await get(base, path, jar);
  const found = pattern.exec(text)?.[1];
  if (!found) throw new Error(`nothing matching ${pattern} on ${path}`);
  return found;
}
