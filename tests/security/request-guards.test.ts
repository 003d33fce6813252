import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getDb } from "~/utils/db.server";
import { requestGuards } from "../../server/request-guards";
import { createAccount, TEST_PASSWORD } from "../factories/accounts";
import { portalForThisFile } from "./app-server";

const portal = portalForThisFile();

const token = "t".repeat(43);
const formHeaders = {
  "Content-Type": "application/x-www-form-urlencoded",
  Cookie: `kq_csrf=${token}`,
  "Accept-Language": "ko",
};

describe("requests refused before the app reads them", () => {
  it("answers a cross-origin post with a translated 403, never a 500 (pages, .data and uploads)", async () => {
    for (const [path, origin, type] of [
      ["/login", "https://evil.example", "application/x-www-form-urlencoded"],
      ["/login.data", "https://evil.example", "application/x-www-form-urlencoded"],
      ["/login", "null", "text/plain"],
      ["/referrals/x/upload", "https://evil.example", "multipart/form-data; boundary=x"],
    ] as const) {
      const response = await portal.fetch(path, {
        method: "POST",
        headers: { ...formHeaders, Origin: origin, "Content-Type": type },
        body: `_csrf=${token}&email=a`,
      });
      expect(response.status, `${origin} → ${path}`).toBe(403);
      expect(await response.text()).toContain(tFor("ko")("errors.403.title"));
    }
  });

  it("refuses an anonymous 50 MB form with a translated 413 before reading it, and a chunked one past 1 MB", async () => {
    const big = await portal.fetch("/login", {
      method: "POST",
      headers: { ...formHeaders, Origin: portal.origin },
      body: `_csrf=${token}&email=${"x".repeat(50 * 1024 * 1024)}`,
    });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain(tFor("ko")("errors.413.title"));
    // No Content-Length: the body is counted as it arrives.
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent === 1) controller.enqueue(new TextEncoder().encode(`_csrf=${token}&email=`));
        else if (sent < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const chunked = await portal.fetch("/login", {
      method: "POST",
      headers: { ...formHeaders, Origin: portal.origin },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.text()).toContain(tFor("ko")("errors.413.title"));
  });

  it("still takes an ordinary form, and sends a non-ASCII redirectTo home instead of a 500", async () => {
    const db = await getDb();
    const account = await createAccount(db, { role: "physician" });
    const fields = { email: account.email, password: TEST_PASSWORD, redirectTo: "/referrals/한국" };
    const response = await portal.postForm(`/login?redirectTo=${encodeURIComponent("/referrals/한국")}`, fields);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/referrals");
  });
});

/** A bare app behind the guards, answering 204 to whatever they let through. */
async function throughGuards(trustProxy: string | undefined, headers: Record<string, string>) {
  const app = express();
  app.use(requestGuards({ trustProxy }));
  app.post("*", (_req, res) => void res.status(204).end());
  app.use(((error, _req, res, _next) => void res.status(error.status).end()) as express.ErrorRequestHandler);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/login`, {
    method: "POST",
    headers,
    body: "a=b",
  });
  server.close();
  return response.status;
}

describe("X-Forwarded-Host", () => {
  it("names the host only behind a trusted proxy (TRUST_PROXY)", async () => {
    const forged = {
      Origin: "https://evil.example",
      "X-Forwarded-Host": "evil.example",
      "Content-Type": "application/x-www-form-urlencoded",
    };
    expect(await throughGuards(undefined, forged)).toBe(403);
    expect(await throughGuards("loopback", forged)).toBe(204);
  });
});
