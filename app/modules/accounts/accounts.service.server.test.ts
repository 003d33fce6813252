import { describe, expect, it } from "vitest";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { MINUTE } from "~/modules/rate-limit/rate-limit.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount, TEST_PASSWORD } from "../../../tests/factories/accounts";
import { findUserByEmail } from "./accounts.repository.server";
import { changePassword, register, signIn, signOutEverywhere } from "./accounts.service.server";
import { getSessionUser } from "./session.server";

const t0 = new Date("2026-11-26T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
const requestWith = (setCookie: string) =>
  new Request("http://localhost/account", { headers: { Cookie: setCookie.split(";")[0]! } });

const registration = (email: string) => ({
  familyName: "이",
  givenName: "서준",
  email,
  password: "quiet-harbour-morning-7",
  institution: "대전성모병원",
  country: "KR" as const,
  preferredLanguage: "ko" as const,
});

describe("registration", () => {
  it("creates a pending physician and records it", async () => {
    const db = await getDb();
    expect(await register(db, registration("lee.seojun@hospital.test"), { ip: "10.0.0.1", now: t0 })).toEqual({
      kind: "received",
    });
    const user = await findUserByEmail(db, "lee.seojun@hospital.test");
    expect(user).toMatchObject({
      role: "physician",
      status: "pending",
      site_code: null,
      family_name: "이",
      given_name: "서준",
      approved_at: null,
    });
    expect(user!.password_hash).toMatch(/^\$argon2id\$/);
    expect((await auditEventsFor(db, "user", user!.id)).map((e) => e.action)).toEqual(["account.registered"]);
  });

  it("answers a repeated registration exactly like a new one, and keeps the first account unchanged", async () => {
    const db = await getDb();
    await register(db, registration("twice@hospital.test"), { ip: null, now: t0 });
    const first = await findUserByEmail(db, "twice@hospital.test");
    const again = await register(
      db,
      { ...registration("twice@hospital.test"), givenName: "다른", password: "another-long-password-9" },
      { ip: null, now: at(1) },
    );
    expect(again).toEqual({ kind: "received" });
    expect(await findUserByEmail(db, "twice@hospital.test")).toEqual(first);
    expect((await auditEventsFor(db, "user", first!.id)).map((e) => e.action)).toEqual([
      "account.registered",
      "account.registration_repeated",
    ]);
  });

  it("limits registrations per address", async () => {
    const db = await getDb();
    for (let i = 0; i < 20; i++) {
      expect((await register(db, registration(`bulk${i}@hospital.test`), { ip: "10.9.9.9", now: at(i) })).kind).toBe(
        "received",
      );
    }
    expect((await register(db, registration("bulk20@hospital.test"), { ip: "10.9.9.9", now: at(21) })).kind).toBe(
      "throttled",
    );
    expect(await findUserByEmail(db, "bulk20@hospital.test")).toBeUndefined();
  });
});

describe("signing in", () => {
  it("opens a session and records it; a pending account may sign in too", async () => {
    const db = await getDb();
    const pending = await createAccount(db, { status: "pending" });
    const result = await signIn(
      db,
      { email: pending.email, password: TEST_PASSWORD, previousSessionId: null },
      { ip: "10.0.0.2", now: t0 },
    );
    expect(result.kind).toBe("signedIn");
    if (result.kind !== "signedIn") return;
    expect(result.setCookie).toMatch(/^kq_session=[\w-]{40,};/);
    expect(result.setCookie).toContain("HttpOnly");
    expect(result.setCookie).toContain("SameSite=Lax");
    const user = await getSessionUser(requestWith(result.setCookie), at(1));
    expect(user).toMatchObject({ id: pending.id, status: "pending" });
    const events = await auditEventsFor(db, "user", pending.id);
    expect(events.at(-1)).toMatchObject({
      action: "account.signed_in",
      actor_user_id: pending.id,
      actor_role: "physician",
      ip: "10.0.0.2",
    });
  });

  it("gives an unknown email and a wrong password the same answer", async () => {
    const db = await getDb();
    const known = await createAccount(db);
    const wrong = await signIn(
      db,
      { email: known.email, password: "not-the-password-at-all", previousSessionId: null },
      { ip: "10.0.0.3", now: t0 },
    );
    const unknown = await signIn(
      db,
      { email: "nobody@hospital.test", password: "not-the-password-at-all", previousSessionId: null },
      { ip: "10.0.0.3", now: t0 },
    );
    expect(wrong).toEqual({ kind: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("slows a browser without the owner's device cookie after five wrong passwords, with growing waits", async () => {
    const db = await getDb();
    const user = await createAccount(db);
    const attempt = (password: string, now: Date) =>
      signIn(db, { email: user.email, password, previousSessionId: null }, { ip: "10.1.0.1", now });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong-password-guess", at(i / 10))).kind).toBe("invalid");
    // The sixth try waits a minute after the fifth failure, even with the right password; then 2, then 4 minutes.
    expect(await attempt(TEST_PASSWORD, at(0.5))).toEqual({ kind: "locked", until: at(0.4 + 1) });
    expect((await attempt("wrong-password-guess", at(1.4))).kind).toBe("invalid");
    expect(await attempt(TEST_PASSWORD, at(2))).toEqual({ kind: "locked", until: at(1.4 + 2) });
    expect((await attempt("wrong-password-guess", at(3.4))).kind).toBe("invalid");
    expect(await attempt(TEST_PASSWORD, at(4))).toEqual({ kind: "locked", until: at(3.4 + 4) });
    // The wait is over: the right password works, and this browser and address start again from nothing.
    expect((await attempt(TEST_PASSWORD, at(7.4))).kind).toBe("signedIn");
    for (let i = 0; i < 5; i++) expect((await attempt("wrong-password-guess", at(8))).kind).toBe("invalid");
    expect(
      (await auditEventsFor(db, "user", user.id)).filter((e) => e.action === "account.sign_in_failed"),
    ).toHaveLength(12);
  });

  it("slows an unknown email exactly like a known one, so a wait reveals nothing", async () => {
    const db = await getDb();
    for (let i = 0; i < 5; i++)
      await signIn(
        db,
        { email: "ghost@hospital.test", password: "guess-number-one", previousSessionId: null },
        { ip: "10.2.0.1", now: t0 },
      );
    expect(
      await signIn(
        db,
        { email: "ghost@hospital.test", password: "guess-number-one", previousSessionId: null },
        { ip: "10.2.0.1", now: at(0.5) },
      ),
    ).toEqual({
      kind: "locked",
      until: at(1),
    });
  });

  it("limits failures per address across accounts", async () => {
    const db = await getDb();
    const user = await createAccount(db);
    const ip = "192.0.2.50";
    for (let i = 0; i < 50; i++) {
      expect(
        (
          await signIn(
            db,
            { email: `someone${i}@hospital.test`, password: "guessing-again", previousSessionId: null },
            { ip, now: at(i / 10) },
          )
        ).kind,
      ).toBe("invalid");
    }
    expect(
      await signIn(db, { email: user.email, password: TEST_PASSWORD, previousSessionId: null }, { ip, now: at(6) }),
    ).toEqual({ kind: "throttled", until: at(4.9 + 15) });
    // Another address is not affected.
    expect(
      (
        await signIn(
          db,
          { email: user.email, password: TEST_PASSWORD, previousSessionId: null },
          { ip: "192.0.2.51", now: at(6) },
        )
      ).kind,
    ).toBe("signedIn");
    expect(
      (await signIn(db, { email: user.email, password: TEST_PASSWORD, previousSessionId: null }, { ip, now: at(20) }))
        .kind,
    ).toBe("signedIn");
  });

  it("refuses suspended and rejected accounts, even with the right password", async () => {
    const db = await getDb();
    for (const status of ["suspended", "rejected"]) {
      const user = await createAccount(db, { status });
      expect(
        await signIn(
          db,
          { email: user.email, password: TEST_PASSWORD, previousSessionId: null },
          { ip: null, now: t0 },
        ),
      ).toEqual({ kind: "disabled" });
    }
  });

  it("matches passwords typed with full-width characters (an IME) to the same password typed plainly", async () => {
    const db = await getDb();
    await register(
      db,
      { ...registration("sato.misaki@hospital.test"), password: "ｍｏｕｎｔａｉｎ－ｓｐｒｉｎｇ－３" },
      { ip: null, now: t0 },
    );
    expect(
      (
        await signIn(
          db,
          { email: "sato.misaki@hospital.test", password: "mountain-spring-3", previousSessionId: null },
          { ip: null, now: t0 },
        )
      ).kind,
    ).toBe("signedIn");
  });

  it("replaces the browser's previous session with a new one", async () => {
    const db = await getDb();
    const user = await createAccount(db);
    const first = await signIn(
      db,
      { email: user.email, password: TEST_PASSWORD, previousSessionId: null },
      { ip: null, now: t0 },
    );
    if (first.kind !== "signedIn") throw new Error("expected a session");
    const firstUser = await getSessionUser(requestWith(first.setCookie), t0);
    const second = await signIn(
      db,
      { email: user.email, password: TEST_PASSWORD, previousSessionId: firstUser!.sessionId },
      { ip: null, now: at(1) },
    );
    if (second.kind !== "signedIn") throw new Error("expected a session");
    expect(second.setCookie).not.toEqual(first.setCookie);
    expect(await getSessionUser(requestWith(first.setCookie), at(2))).toBeNull();
    expect(await getSessionUser(requestWith(second.setCookie), at(2))).not.toBeNull();
  });
});

describe("sessions", () => {
  /** The Set-Cookie of each of `count` sign-ins of the user at `now`, as from that many browsers. */
  async function sessionCookiesOf(db: Database, user: { email: string }, count: number, now = t0) {
    const cookies: string[] = [];
    for (let i = 0; i < count; i++) {
      const result = await signIn(
        db,
        { email: user.email, password: TEST_PASSWORD, previousSessionId: null },
        { ip: null, now },
      );
      if (result.kind === "signedIn") cookies.push(result.setCookie);
    }
    return cookies;
  }

  async function signedIn(now: Date) {
    const db = await getDb();
    const user = await createAccount(db);
    const [cookie] = await sessionCookiesOf(db, user, 1, now);
    if (!cookie) throw new Error("expected a session");
    return { user, request: requestWith(cookie) };
  }

  it("end after 30 idle minutes", async () => {
    const { request } = await signedIn(t0);
    expect(await getSessionUser(request, at(29))).not.toBeNull();
    // Each request moves the idle limit: activity at minute 29 keeps the session alive at minute 58.
    expect(await getSessionUser(request, at(58))).not.toBeNull();
    expect(await getSessionUser(request, at(88.5))).toBeNull();
    // Once ended, an ended session stays ended.
    expect(await getSessionUser(request, at(89))).toBeNull();
  });

  it("end 12 hours after signing in, however active", async () => {
    const { request } = await signedIn(t0);
    for (let minute = 20; minute < 12 * 60; minute += 20)
      expect(await getSessionUser(request, at(minute))).not.toBeNull();
    expect(await getSessionUser(request, at(12 * 60 + 1))).toBeNull();
  });

  it("all end when the user signs out everywhere", async () => {
    const db = await getDb();
    const user = await createAccount(db);
    const cookies = await sessionCookiesOf(db, user, 3);
    const other = await signedIn(t0);
    const me = await getSessionUser(requestWith(cookies[0]!), at(1));
    expect(await signOutEverywhere(db, me!, { ip: "10.3.0.1", now: at(1) })).toBe(3);
    for (const cookie of cookies) expect(await getSessionUser(requestWith(cookie), at(2))).toBeNull();
    // Someone else's session is untouched.
    expect(await getSessionUser(other.request, at(2))).not.toBeNull();
    expect((await auditEventsFor(db, "user", user.id)).at(-1)).toMatchObject({
      action: "account.signed_out_everywhere",
      ip: "10.3.0.1",
    });
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("end elsewhere when the password changes, but not here", async () => {
    const db = await getDb();
    const user = await createAccount(db);
    const cookies = await sessionCookiesOf(db, user, 2);
    const me = await getSessionUser(requestWith(cookies[0]!), at(1));
    expect(
      await changePassword(
        db,
        me!,
        { currentPassword: "wrong-current-password", newPassword: "a-brand-new-passphrase" },
        { ip: null, now: at(1) },
      ),
    ).toEqual({
      kind: "wrongCurrent",
    });
    expect(
      await changePassword(
        db,
        me!,
        { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-passphrase" },
        { ip: null, now: at(2) },
      ),
    ).toEqual({
      kind: "changed",
      otherSessionsEnded: 1,
    });
    expect(await getSessionUser(requestWith(cookies[0]!), at(3))).not.toBeNull();
    expect(await getSessionUser(requestWith(cookies[1]!), at(3))).toBeNull();
    expect(
      (
        await signIn(
          db,
          { email: user.email, password: TEST_PASSWORD, previousSessionId: null },
          { ip: null, now: at(4) },
        )
      ).kind,
    ).toBe("invalid");
    expect(
      (
        await signIn(
          db,
          { email: user.email, password: "a-brand-new-passphrase", previousSessionId: null },
          { ip: null, now: at(4) },
        )
      ).kind,
    ).toBe("signedIn");
  });
});
