import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getDb } from "~/utils/db.server";
import { createAccount, sessionCookieFor, TEST_PASSWORD } from "../factories/accounts";
import { portalForThisFile } from "./app-server";

const portal = portalForThisFile();

const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0] ?? "";
/** The code an authenticator app shows `steps` 30-second steps from now (one step either side is accepted). */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

async function secretOf(userId: string) {
  return (
    await (
      await getDb()
    )
      .selectFrom("mfa_factors")
      .select("secret")
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow()
  ).secret;
}

/** Enrols the account through its pages; answers the secret and the recovery codes shown. */
async function enrol(userId: string, cookie: string) {
  const page = await portal.fetch("/account/mfa", { headers: { Cookie: `${cookie}; lng=ja` } });
  const html = await page.text();
  expect(html).toContain("<svg");
  const secret = await secretOf(userId);
  expect(html.replace(/\s/g, "")).toContain(secret);
  const wrong = await portal.postForm("/account/mfa", { code: "000000" }, { cookie });
  expect(wrong.status).toBe(400);
  const done = await portal.postForm("/account/mfa", { code: await codeAt(secret) }, { cookie: `${cookie}; lng=en` });
  const codes = [...(await done.text()).matchAll(/<code>([2-9A-Z]{5}-[2-9A-Z]{5})<\/code>/g)].map((m) => m[1]!);
  expect(codes).toHaveLength(10);
  return { secret, codes };
}

/** Password, then (when asked) the code: answers the final response. */
async function signIn(email: string, code: string | null) {
  const first = await portal.postForm("/login", { email, password: TEST_PASSWORD });
  if (code === null) return { first, second: null };
  expect(first.headers.get("Location")).toBe("/login/code");
  const challenge = cookieOf(first, "kq_mfa");
  const second = await portal.postForm(
    "/login/code",
    { code },
    { cookie: challenge, headers: { "Accept-Language": "ko" } },
  );
  return { first, second, challenge };
}

describe("two-step sign-in with a one-time-code app", () => {
  it("a coordinator enrols, then signs in with a code that works once", async () => {
    const db = await getDb();
    const coordinator = await createAccount(db, { role: "coordinator", site: "qst" });
    const { secret } = await enrol(coordinator.id, await sessionCookieFor(db, coordinator.id));

    // The password alone no longer opens a session.
    const { first, second, challenge } = await signIn(coordinator.email, await codeAt(secret, 1));
    expect(cookieOf(first, "kq_session")).toBe("");
    expect(second!.status).toBe(302);
    expect(second!.headers.get("Location")).toBe("/queue");
    expect(cookieOf(second!, "kq_session")).toMatch(/^kq_session=.{40,}/);
    // The challenge is used up, and the same code cannot be used again.
    const again = await portal.postForm("/login/code", { code: await codeAt(secret, 1) }, { cookie: challenge });
    expect(again.headers.get("Location")).toBe("/login?expired=code");
    const replay = await signIn(coordinator.email, await codeAt(secret, 1));
    expect(replay.second!.status).toBe(400);
    expect(await replay.second!.text()).toContain(tFor("ko")("security:mfa.errors.codeWrong"));
    const events = await db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", coordinator.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["account.mfa_enrolled", "account.signed_in", "account.mfa_failed"]),
    );
  });

  it("a recovery code works once, and five wrong codes send the person back to their password", async () => {
    const db = await getDb();
    const reviewer = await createAccount(db, { role: "reviewer", site: "konyang" });
    const { codes } = await enrol(reviewer.id, await sessionCookieFor(db, reviewer.id));
    expect((await signIn(reviewer.email, codes[3]!.toLowerCase())).second!.status).toBe(302);
    expect((await signIn(reviewer.email, codes[3]!)).second!.status).toBe(400);
    expect(
      (
        await db
          .selectFrom("mfa_recovery_codes")
          .select("used_at")
          .where("user_id", "=", reviewer.id)
          .where("used_at", "is not", null)
          .execute()
      ).length,
    ).toBe(1);

    const { challenge } = await signIn(reviewer.email, "111111");
    for (let i = 0; i < 3; i++)
      expect((await portal.postForm("/login/code", { code: "111111" }, { cookie: challenge })).status).toBe(400);
    // The fifth wrong code ends the challenge: back to the password, with a word on why.
    const fifth = await portal.postForm("/login/code", { code: "111111" }, { cookie: challenge });
    expect(fifth.headers.get("Location")).toBe("/login?expired=code");
    expect(
      await (await portal.fetch("/login?expired=code", { headers: { "Accept-Language": "ja" } })).text(),
    ).toContain(tFor("ja")("security:mfa.signIn.expired"));
    expect(
      (await portal.postForm("/login/code", { code: codes[4]! }, { cookie: challenge })).headers.get("Location"),
    ).toBe("/login?expired=code");
  });

  it("an administrator resets a lost factor, and the reset is audited", async () => {
    const db = await getDb();
    const coordinator = await createAccount(db, { role: "coordinator", site: "konyang" });
    await enrol(coordinator.id, await sessionCookieFor(db, coordinator.id));
    const admin = await createAccount(db, { role: "admin" });
    const adminCookie = await sessionCookieFor(db, admin.id);
    const confirm = await portal.fetch(`/admin/users/${coordinator.id}/mfa-reset`, {
      headers: { Cookie: adminCookie },
    });
    expect(confirm.status).toBe(200);
    // Only an administrator may.
    const other = await createAccount(db, { role: "coordinator", site: "konyang" });
    expect(
      (
        await portal.postForm(
          `/admin/users/${coordinator.id}/mfa-reset`,
          {},
          { cookie: await sessionCookieFor(db, other.id) },
        )
      ).status,
    ).toBe(403);
    const reset = await portal.postForm(`/admin/users/${coordinator.id}/mfa-reset`, {}, { cookie: adminCookie });
    expect(reset.status).toBe(302);
    const { first } = await signIn(coordinator.email, null);
    expect(first.headers.get("Location")).toBe("/queue");
    const event = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "account.mfa_reset")
      .where("subject_id", "=", coordinator.id)
      .executeTakeFirst();
    expect(event).toMatchObject({ actor_user_id: admin.id, actor_role: "admin" });
  });
});
