import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import {
  answerOf,
  args,
  createAccount,
  getRequest,
  sessionCookieFor,
  TEST_PASSWORD,
} from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import { withCsrfGuard } from "../../../server/csrf-guard";
import * as loginRoute from "./route";

const post = (
  fields: Record<string, string>,
  options: { lng?: string; cookie?: string; ip?: string; url?: string } = {},
) => {
  const request = formRequest(options.url ?? "/login", fields, options);
  if (options.ip) request.headers.set("X-Client-IP", options.ip);
  return request;
};

describe("the sign-in page", () => {
  it("answers an unknown email and a wrong password identically, in the page's language", async () => {
    const db = await getDb();
    const known = await createAccount(db);
    const wrong = await answerOf(
      loginRoute.action(args(post({ email: known.email, password: "definitely-wrong-pw" }, { lng: "ja" }))),
    );
    const unknown = await answerOf(
      loginRoute.action(
        args(post({ email: "nobody.here@hospital.test", password: "definitely-wrong-pw" }, { lng: "ja" })),
      ),
    );
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(wrong.status);
    const normalised = (answer: typeof wrong, email: string) => JSON.stringify(answer.data).replaceAll(email, "EMAIL");
    expect(normalised(unknown, "nobody.here@hospital.test")).toBe(normalised(wrong, known.email));
    expect(wrong.data.errors.email).toBe("メールアドレスまたはパスワードが正しくありません");
    expect(JSON.stringify(wrong.data)).not.toContain("definitely-wrong-pw");
  });

  it("keeps the typed email but never the password when a field is missing or malformed", async () => {
    const answer = await answerOf(
      loginRoute.action(args(post({ email: "not-an-email", password: "" }, { lng: "ko" }))),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.values).toEqual({ email: "not-an-email" });
    expect(Object.keys(answer.data.errors).sort()).toEqual(["email", "password"]);
    const withPassword = await answerOf(loginRoute.action(args(post({ email: "", password: "secret-typed-here" }))));
    expect(JSON.stringify(withPassword.data)).not.toContain("secret-typed-here");
  });

  it("says to wait after five wrong passwords from one browser, and refuses the right one meanwhile", async () => {
    const db = await getDb();
    const user = await createAccount(db);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await answerOf(
            loginRoute.action(args(post({ email: user.email, password: "wrong-password-x" }, { ip: "10.4.0.1" }))),
          )
        ).status,
      ).toBe(400);
    }
    const locked = await answerOf(
      loginRoute.action(args(post({ email: user.email, password: TEST_PASSWORD }, { ip: "10.4.0.1" }))),
    );
    expect(locked.status).toBe(429);
    expect(locked.data.formError).toMatch(/Wait 1 minutes?/);
    expect(locked.setCookies).toEqual([]);
  });

  it("signs in to a safe redirectTo or the role's home, never to another site", async () => {
    const db = await getDb();
    const coordinator = await createAccount(db, { role: "coordinator" });
    const physician = await createAccount(db);
    const pending = await createAccount(db, { status: "pending" });
    const signIn = async (email: string, redirectTo?: string) =>
      answerOf(
        loginRoute.action(
          args(post({ email, password: TEST_PASSWORD, ...(redirectTo !== undefined ? { redirectTo } : {}) })),
        ),
      );

    const home = await signIn(coordinator.email);
    expect(home.status).toBe(302);
    expect(home.location).toBe("/queue");
    expect(
      home.setCookies.some((c) => c.startsWith("kq_session=") && c.includes("HttpOnly") && c.includes("SameSite=Lax")),
    ).toBe(true);
    expect((await signIn(physician.email)).location).toBe("/referrals");
    expect((await signIn(physician.email, "/account?tab=1")).location).toBe("/account?tab=1");
    for (const evil of [
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
    ]) {
      expect((await signIn(physician.email, evil)).location).toBe("/referrals");
    }
    // An account awaiting approval goes to its pending page whatever it asked for.
    expect((await signIn(pending.email, "/admin/users")).location).toBe("/account/pending");
  });

  it("sends a visitor who is already signed in to their home", async () => {
    const db = await getDb();
    const admin = await createAccount(db, { role: "admin" });
    const answer = await answerOf(
      loginRoute.loader(args(getRequest("/login", { cookie: await sessionCookieFor(db, admin.id) }))),
    );
    expect(answer).toMatchObject({ status: 302, location: "/admin/users" });
  });
});

describe("the central CSRF guard", () => {
  const build = withCsrfGuard({
    routes: { "routes/login": { id: "routes/login", path: "login", module: loginRoute } },
  } as unknown as ServerBuild);
  const guardedAction = build.routes["routes/login"]!.module.action!;

  it("refuses a form post without the token, or with a token that does not match the cookie, before the action runs", async () => {
    const db = await getDb();
    const user = await createAccount(db);
    const noToken = new Request("http://localhost/login", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://localhost",
        Host: "localhost",
        Cookie: `kq_csrf=${"t".repeat(43)}`,
      },
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(await answerOf(guardedAction(args(noToken)) as Promise<unknown>)).toMatchObject({ status: 403 });

    const mismatched = post({ email: user.email, password: TEST_PASSWORD, _csrf: "x".repeat(43) });
    expect(await answerOf(guardedAction(args(mismatched)) as Promise<unknown>)).toMatchObject({ status: 403 });

    const crossSite = post({ email: user.email, password: TEST_PASSWORD });
    crossSite.headers.set("Origin", "https://evil.example");
    expect(await answerOf(guardedAction(args(crossSite)) as Promise<unknown>)).toMatchObject({ status: 403 });

    const good = await answerOf(
      guardedAction(args(post({ email: user.email, password: TEST_PASSWORD }))) as Promise<unknown>,
    );
    expect(good.status).toBe(302);
  });
});
