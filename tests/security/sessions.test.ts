import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionUser } from "~/modules/accounts/session.server";
import { getDb } from "~/utils/db.server";
import { createAccount, getRequest, sessionCookieFor, TEST_PASSWORD } from "../factories/accounts";
import { startPortal } from "./app-server";

const t0 = new Date("2026-12-01T00:00:00Z");
const after = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("session lifetimes", () => {
  it("ends a coordinator's, reviewer's or administrator's session after 15 idle minutes", async () => {
    const db = await getDb();
    for (const role of ["coordinator", "reviewer", "admin"] as const) {
      const account = await createAccount(db, { role, site: role === "admin" ? null : "qst" });
      const cookie = await sessionCookieFor(db, account.id, t0);
      expect(await getSessionUser(getRequest("/", { cookie }), after(14))).toMatchObject({ id: account.id });
      // Fourteen minutes after that request, still alive; sixteen minutes of silence end it.
      expect(await getSessionUser(getRequest("/", { cookie }), after(28))).toMatchObject({ id: account.id });
      expect(await getSessionUser(getRequest("/", { cookie }), after(44))).toBeNull();
    }
  });

  it("ends a staff session 8 hours after sign-in however busy, and leaves physicians their 30 idle minutes", async () => {
    const db = await getDb();
    const coordinator = await createAccount(db, { role: "coordinator" });
    const cookie = await sessionCookieFor(db, coordinator.id, t0);
    for (let minute = 10; minute < 480; minute += 10)
      expect(await getSessionUser(getRequest("/", { cookie }), after(minute)), `minute ${minute}`).not.toBeNull();
    expect(await getSessionUser(getRequest("/", { cookie }), after(481))).toBeNull();

    const physician = await createAccount(db, { role: "physician" });
    const physicianCookie = await sessionCookieFor(db, physician.id, t0);
    expect(await getSessionUser(getRequest("/", { cookie: physicianCookie }), after(25))).toMatchObject({
      id: physician.id,
    });
  });
});

describe("the CSRF token at sign-in", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal();
  }, 120_000);
  afterAll(() => portal?.close());

  it("is replaced, so a token planted before sign-in is worth nothing after", async () => {
    const db = await getDb();
    const account = await createAccount(db, { role: "physician" });
    const response = await portal.postForm("/login", { email: account.email, password: TEST_PASSWORD });
    expect(response.status).toBe(302);
    const csrf = response.headers.getSetCookie().find((c) => c.startsWith("kq_csrf="));
    expect(csrf).toMatch(/^kq_csrf=[\w-]{40,}; Path=\/; SameSite=Lax; HttpOnly/);
    expect(csrf).not.toContain("t".repeat(43));
  });
});
