import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getDb } from "~/utils/db.server";
import { createAccount, TEST_PASSWORD } from "../factories/accounts";
import { portalForThisFile } from "./app-server";

const portal = portalForThisFile();

/** A sign-in from `ip`, with the browser's cookies (a device cookie, say); answers the status, cookies and error text. */
async function signInFrom(ip: string, email: string, password: string, cookie = "") {
  const response = await portal.postForm(
    "/login",
    { email, password },
    { cookie, headers: { "X-Test-Client-IP": ip, "Accept-Language": "en" } },
  );
  const body = await response.text();
  return {
    status: response.status,
    setCookies: response.headers.getSetCookie(),
    text: body.replace(/<input[^>]*_csrf[^>]*>/g, "").replace(/nonce="[^"]*"/g, ""),
  };
}

const deviceCookieOf = (setCookies: string[]) => setCookies.find((c) => c.startsWith("kq_device="))!.split(";")[0]!;

describe("no lockout by strangers", () => {
  it("50 wrong passwords from other addresses do not stop the physician signing in from their usual browser", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    // Monday: the physician signs in from the hospital; the browser keeps a device cookie.
    const usual = await signInFrom("198.51.100.10", physician.email, TEST_PASSWORD);
    expect(usual.status).toBe(302);
    const device = deviceCookieOf(usual.setCookies);
    expect(usual.setCookies.find((c) => c.startsWith("kq_device="))).toMatch(/HttpOnly.*Max-Age=15552000/);

    // An attacker tries 50 passwords from ten other addresses.
    const answers = [];
    for (let i = 0; i < 50; i++)
      answers.push((await signInFrom(`203.0.113.${i % 10}`, physician.email, `guess-${i}-password`)).status);
    expect(answers.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(answers).toContain(429);
    // A stranger's browser without the cookie is now held back, even with the right password...
    expect((await signInFrom("192.0.2.99", physician.email, TEST_PASSWORD)).status).toBe(429);
    // ...but the physician's usual browser signs in at once, and gets a fresh device cookie.
    const monday = await signInFrom("198.51.100.10", physician.email, TEST_PASSWORD, device);
    expect(monday.status).toBe(302);
    expect(monday.setCookies.some((c) => c.startsWith("kq_session="))).toBe(true);
    expect(deviceCookieOf(monday.setCookies)).not.toBe(device);
    // The same browser at home, on another address, is still the physician's.
    expect(
      (await signInFrom("192.0.2.200", physician.email, TEST_PASSWORD, deviceCookieOf(monday.setCookies))).status,
    ).toBe(302);
  });

  it("answers an unknown email exactly like a known one, through every stage of throttling", async () => {
    const db = await getDb();
    const known = await createAccount(db, { role: "physician" });
    const unknown = `nobody.${Date.now()}@hospital.test`;
    for (let i = 0; i < 7; i++) {
      const a = await signInFrom("198.51.100.77", known.email, `wrong-${i}-password`);
      const b = await signInFrom("198.51.100.78", unknown, `wrong-${i}-password`);
      expect(b.status, `attempt ${i + 1}`).toBe(a.status);
      expect(b.text.replaceAll(unknown, "EMAIL")).toBe(a.text.replaceAll(known.email, "EMAIL"));
    }
    const held = await signInFrom("198.51.100.77", known.email, TEST_PASSWORD);
    expect(held.status).toBe(429);
    expect(held.text).toContain(tFor("en")("auth:login.errors.locked", { count: 1 }).replace(/,.*/, ""));
  });

  it("a device cookie left by one account does nothing for another", async () => {
    const db = await getDb();
    const first = await createAccount(db, { role: "physician" });
    const second = await createAccount(db, { role: "physician" });
    const device = deviceCookieOf((await signInFrom("198.51.100.20", first.email, TEST_PASSWORD)).setCookies);
    for (let i = 0; i < 5; i++) await signInFrom("198.51.100.20", second.email, `wrong-${i}-password`, device);
    expect((await signInFrom("198.51.100.20", second.email, TEST_PASSWORD, device)).status).toBe(429);
  });
});
