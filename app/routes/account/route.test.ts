import { describe, expect, it } from "vitest";
import { findUserById } from "~/modules/accounts/accounts.repository.server";
import { getSessionUser } from "~/modules/accounts/session.server";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { getDb } from "~/utils/db.server";
import {
  accountWithCookie,
  answerOf,
  args,
  createAccount,
  getRequest,
  sessionCookieFor,
  TEST_PASSWORD,
  toPendingPage,
} from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import * as pendingRoute from "../account_.pending/route";
import * as accountRoute from "./route";

/** Posts one of the account page's forms (language, password, sign out everywhere) from the signed-in browser. */
const postAccount = (path: string, fields: Record<string, string>, options: { cookie: string }) =>
  answerOf(accountRoute.action(args(formRequest(path, fields, options))));

describe("the account page", () => {
  it("is for approved accounts: pending ones see their pending page, which shows who they are", async () => {
    const db = await getDb();
    const { cookie, ...pending } = await accountWithCookie(db, { status: "pending" });
    expect(await answerOf(accountRoute.loader(args(getRequest("/account", { cookie }))))).toMatchObject(toPendingPage);
    expect(await postAccount("/account", { intent: "signOutEverywhere" }, { cookie })).toMatchObject({
      location: "/account/pending",
    });
    const page = await answerOf(pendingRoute.loader(args(getRequest("/account/pending", { cookie }))));
    expect(page.data.user).toMatchObject({ familyName: pending.familyName, email: pending.email });
    // An approved account has nothing to wait for.
    const active = (await accountWithCookie(db)).cookie;
    expect(await answerOf(pendingRoute.loader(args(getRequest("/account/pending", { cookie: active }))))).toMatchObject(
      { status: 302, location: "/referrals" },
    );
  });

  it("shows who you are, with your site's name in the page language", async () => {
    const db = await getDb();
    const reviewer = await createAccount(db, { role: "reviewer", site: "qst" });
    const page = await answerOf(
      accountRoute.loader(args(getRequest("/account", { cookie: await sessionCookieFor(db, reviewer.id), lng: "ko" }))),
    );
    expect(page.data.user).toMatchObject({ role: "reviewer", siteName: "QST 병원", email: reviewer.email });
  });

  it("saves the preferred language and sets the page language with it", async () => {
    const db = await getDb();
    const { cookie, ...user } = await accountWithCookie(db);
    const answer = await postAccount("/account", { intent: "language", preferredLanguage: "ja" }, { cookie });
    expect(answer).toMatchObject({ status: 302, location: "/account?saved=language" });
    expect(answer.setCookies.some((c) => c.startsWith("lng=ja;"))).toBe(true);
    expect((await findUserById(db, user.id))!.preferred_language).toBe("ja");
    const invalid = await postAccount("/account", { intent: "language", preferredLanguage: "fr" }, { cookie });
    expect(invalid.status).toBe(400);
  });

  it("changes the password only with the current one, never sending either back", async () => {
    const db = await getDb();
    const { cookie, ...user } = await accountWithCookie(db);
    const other = await sessionCookieFor(db, user.id);
    const wrong = await postAccount(
      "/account",
      { intent: "password", currentPassword: "not-my-password-1", newPassword: "fresh-mountain-air-22" },
      { cookie },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors).toEqual({ currentPassword: "Your current password is not right" });
    expect(JSON.stringify(wrong.data)).not.toMatch(/not-my-password-1|fresh-mountain-air-22/);
    const same = await postAccount(
      "/account",
      { intent: "password", currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      { cookie },
    );
    expect(same.data.errors.newPassword).toBe("Choose a new password that is different from your current one");
    const done = await postAccount(
      "/account",
      { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "fresh-mountain-air-22" },
      { cookie },
    );
    expect(done).toMatchObject({ status: 302, location: "/account?saved=password" });
    expect(await getSessionUser(getRequest("/", { cookie }))).not.toBeNull();
    expect(await getSessionUser(getRequest("/", { cookie: other }))).toBeNull();
  });

  it("signs out everywhere: every session ends, the cookie is cleared, the event is recorded", async () => {
    const db = await getDb();
    const user = await createAccount(db);
    const cookies = [
      await sessionCookieFor(db, user.id),
      await sessionCookieFor(db, user.id),
      await sessionCookieFor(db, user.id),
    ];
    const request = formRequest("/account", { intent: "signOutEverywhere" }, { cookie: cookies[0] });
    request.headers.set("X-Client-IP", "203.0.113.7");
    const answer = await answerOf(accountRoute.action(args(request)));
    expect(answer).toMatchObject({ status: 302, location: "/login?signedOut=everywhere" });
    expect(answer.setCookies.some((c) => c.startsWith("kq_session=;") && c.includes("Max-Age=0"))).toBe(true);
    for (const cookie of cookies) expect(await getSessionUser(getRequest("/", { cookie }))).toBeNull();
    expect((await auditEventsFor(db, "user", user.id)).at(-1)).toMatchObject({
      action: "account.signed_out_everywhere",
      ip: "203.0.113.7",
    });
  });
});
