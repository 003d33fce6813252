import { expect, test as base, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { readRow } from "./database";
import { DEMO_PASSWORD, PEOPLE_DOMAIN, PEOPLE_PASSWORD, type Language } from "./helpers";

// Each test that changes an account (its language, its site, what it is lent to) gets its own people, made through
// the portal's doors as a person would be: a physician registers and an administrator approves; staff are made by the
// administrator on /admin/users/new. Afterwards the administrator suspends them (audit events cannot be deleted, so
// an account is ended, not removed). Nothing is written to the server's database from outside the server, so no
// transaction of the portal can meet a writer it does not know of (docs/decisions/0030-parallel-browser-tests.md).

const ADMIN = "admin@demo.test";
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

export type Person = {
  id: string;
  email: string;
  password: string;
  familyName: string;
  givenName: string;
  language: Language;
  /** A physician's API token for the JSON doors (made on their tokens page when asked for). */
  token?: string;
};

type Country = "KR" | "JP" | "other";
export type PhysicianOptions = { language: Language; country?: Country; token?: boolean };
export type StaffOptions = { role: "coordinator" | "reviewer"; site: "konyang" | "qst"; language: Language };

// Realistic names, family name first; the site's country gives the hospital.
const names: Record<Country, { family: string; given: string; institution: string }> = {
  KR: { family: "서", given: "하윤", institution: "충남대학교병원" },
  JP: { family: "松本", given: "陽菜", institution: "千葉大学医学部附属病院" },
  other: { family: "Taylor", given: "Olivia", institution: "St Thomas' Hospital" },
};

let made = 0;
const uniqueEmail = (kind: string) =>
  `${kind}.w${test.info().workerIndex}.${Date.now()}.${(made += 1)}@${PEOPLE_DOMAIN}`;

/** An account's id, read from the test server's database (tests/e2e/database.ts). */
async function userIdOf(email: string): Promise<string> {
  const row = await readRow<{ id: string }>("select id from users where email = ?", email);
  if (!row) throw new Error(`no account ${email}`);
  return row.id;
}

/** The CSRF token of the context (the double-submitted cookie; server/csrf-guard.ts). */
async function csrf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("kq_csrf"));
  if (!cookie) throw new Error("no CSRF cookie");
  return cookie.value;
}

/** A browser context without a page (no rendering), signed in as `email`: its request shares the cookies. */
async function signedIn(browser: Browser, email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await context.request.get("/login");
  const answer = await context.request.post("/login", {
    form: { _csrf: await csrf(context), email, password },
    maxRedirects: 0,
  });
  expect(answer.status(), `sign-in of ${email}`).toBe(302);
  return context;
}

/** Posts a form as the context's person; answers where the portal sent them (a 302's Location). */
async function post(request: APIRequestContext, context: BrowserContext, url: string, form: Record<string, string>) {
  const answer = await request.post(url, { form: { _csrf: await csrf(context), ...form }, maxRedirects: 0 });
  // A refusal names what the portal said (its error summary), so a failure here says why.
  const said = answer.status() === 302 ? "" : /class="error-summary[\s\S]*?<\/ul>/.exec(await answer.text())?.[0];
  expect(answer.status(), `${url}: ${said}`).toBe(302);
  return answer.headers()["location"] ?? "";
}

/** The administrator's doors for one worker: one sign-in, reused until a staff session could have gone idle. */
class AdministratorDoors {
  private signedInAt = 0;
  private context: BrowserContext | undefined;
  constructor(private readonly browser: Browser) {}

  /** Staff sessions end after 15 idle minutes (app/modules/accounts/session.server.ts): sign in again after 10. */
  private async admin(): Promise<BrowserContext> {
    if (this.context && Date.now() - this.signedInAt < 10 * 60_000) return this.context;
    await this.context?.close();
    this.context = await signedIn(this.browser, ADMIN, DEMO_PASSWORD);
    this.signedInAt = Date.now();
    return this.context;
  }

  private async asAdmin(url: string, form: Record<string, string>) {
    const admin = await this.admin();
    return post(admin.request, admin, url, form);
  }

  async physician(options: PhysicianOptions): Promise<Person> {
    const country = options.country ?? (options.language === "ja" ? "JP" : options.language === "ko" ? "KR" : "other");
    const name = names[country];
    const email = uniqueEmail("physician");
    const visitor = await this.browser.newContext({ baseURL });
    try {
      await visitor.request.get("/register");
      await post(visitor.request, visitor, "/register", {
        familyName: name.family,
        givenName: name.given,
        email,
        password: PEOPLE_PASSWORD,
        institution: name.institution,
        country,
        preferredLanguage: options.language,
      });
    } finally {
      await visitor.close();
    }
    const id = await userIdOf(email);
    expect(await this.asAdmin("/admin/users", { intent: "approve", userId: id })).toBe("/admin/users?done=approved");
    const person: Person = {
      id,
      email,
      password: PEOPLE_PASSWORD,
      familyName: name.family,
      givenName: name.given,
      language: options.language,
    };
    if (options.token) person.token = await this.tokenFor(person);
    return person;
  }

  async staff(options: StaffOptions): Promise<Person> {
    const name = options.site === "konyang" ? names.KR : names.JP;
    const email = uniqueEmail(options.role);
    expect(
      await this.asAdmin("/admin/users/new", {
        familyName: name.family,
        givenName: name.given,
        email,
        role: options.role,
        siteCode: options.site,
        institution: name.institution,
        country: options.site === "konyang" ? "KR" : "JP",
        preferredLanguage: options.language,
        password: PEOPLE_PASSWORD,
      }),
    ).toBe("/admin/users?done=created");
    return {
      id: await userIdOf(email),
      email,
      password: PEOPLE_PASSWORD,
      familyName: name.family,
      givenName: name.given,
      language: options.language,
    };
  }

  /** The physician makes a token on their tokens page, as the README tells physicians to. */
  private async tokenFor(person: Person): Promise<string> {
    const context = await signedIn(this.browser, person.email, person.password);
    try {
      await context.request.get("/account/tokens");
      const answer = await context.request.post("/account/tokens", {
        form: { _csrf: await csrf(context), intent: "create", name: "e2e" },
      });
      expect(answer.status()).toBe(200);
      const token = /value="(kq_[A-Za-z0-9_-]{20,200})"/.exec(await answer.text())?.[1];
      if (!token) throw new Error("no token on the tokens page");
      return token;
    } finally {
      await context.close();
    }
  }

  /** Ends the account: the administrator suspends it, with a reason, as on the account's suspend page. */
  async end(person: Person) {
    await this.asAdmin(`/admin/users/${person.id}/suspend`, {
      reason: "End of a browser test",
    });
  }

  close() {
    return this.context?.close();
  }
}

export type People = {
  physician(options: PhysicianOptions): Promise<Person>;
  staff(options: StaffOptions): Promise<Person>;
};

/** `test` with `people`: accounts of this test alone, ended when it ends. */
export const test = base.extend<{ people: People }, { doors: AdministratorDoors }>({
  doors: [
    async ({ browser }, provide) => {
      const doors = new AdministratorDoors(browser);
      await provide(doors);
      await doors.close();
    },
    { scope: "worker" },
  ],
  people: async ({ doors }, provide) => {
    const mine: Person[] = [];
    await provide({
      physician: async (options) => {
        const person = await doors.physician(options);
        mine.push(person);
        return person;
      },
      staff: async (options) => {
        const person = await doors.staff(options);
        mine.push(person);
        return person;
      },
    });
    for (const person of mine) await doors.end(person);
  },
});
export { expect };
