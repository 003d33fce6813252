import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { securityHeaders } from "../../server/security-headers";
import { createAccount, sessionCookieFor } from "../factories/accounts";
import { unknownCode } from "../factories/status-lookup";
import { portalForThisFile } from "./app-server";

const portal = portalForThisFile();

/** A bare app behind the header middleware, to see what it adds when cookies are Secure. */
async function headersOf(options: { hsts: boolean }, handler: express.RequestHandler) {
  const app = express();
  app.use(securityHeaders(options));
  app.get("/", handler);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  server.close();
  return response.headers;
}

describe("response headers that depend on the situation", () => {
  it("sends HSTS only when cookies are Secure, and keeps a cache policy a route chose", async () => {
    expect((await headersOf({ hsts: true }, (_req, res) => void res.send("x"))).get("Strict-Transport-Security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect((await headersOf({ hsts: false }, (_req, res) => void res.send("x"))).has("Strict-Transport-Security")).toBe(
      false,
    );
    const cached = await headersOf(
      { hsts: false },
      (_req, res) => void res.set("Cache-Control", "public, max-age=300").send("x"),
    );
    expect(cached.get("Cache-Control")).toBe("public, max-age=300");
  });

  it("gives each page a fresh nonce", async () => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec((await portal.fetch("/login")).headers.get("Content-Security-Policy") ?? "")?.[1];
    const [first, second] = [await nonceOf(), await nonceOf()];
    expect(first).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(second).not.toBe(first);
  });

  it("lets the status page's 429 tell the patient's browser when to try again (Retry-After)", async () => {
    let response: Response | undefined;
    for (let attempt = 0; attempt < 11; attempt += 1) {
      response = await portal.postForm("/status", {
        referenceCode: unknownCode(),
        "birthDate.year": "1970",
        "birthDate.month": "01",
        "birthDate.day": "02",
      });
    }
    expect(response!.status).toBe(429);
    expect(Number(response!.headers.get("Retry-After"))).toBeGreaterThanOrEqual(60);
    expect(response!.headers.get("Cache-Control")).toBe("no-store");
  });

  it("tells the browser to drop cache and storage on sign-out, and ends the session", async () => {
    const db = await getDb();
    const account = await createAccount(db, { role: "physician" });
    const cookie = await sessionCookieFor(db, account.id);
    expect((await portal.fetch("/referrals", { headers: { Cookie: cookie } })).status).toBe(200);
    const out = await portal.postForm("/logout", {}, { cookie });
    expect(out.status).toBe(302);
    expect(out.headers.get("Clear-Site-Data")).toBe('"cache", "storage"');
    expect(out.headers.getSetCookie().join("\n")).toMatch(/kq_session=;.*Max-Age=0/);
    expect((await portal.fetch("/referrals", { headers: { Cookie: cookie } })).status).toBe(302);
  });
});
