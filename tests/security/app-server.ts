import type { AddressInfo } from "node:net";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { createServer } from "vite";
import { afterAll, beforeAll } from "vitest";
import { getDb } from "../../app/utils/db.server";
import { withCsrfGuard } from "../../server/csrf-guard";
import { withAccessAudit } from "../../server/access-audit";
import { loadContextFor, securityHeaders } from "../../server/security-headers";
import { requestGuards } from "../../server/request-guards";
import { fallbackErrorPage } from "../../server/fallback-error";
import { clientIpHeader } from "../../app/utils/client-ip.server";

/**
 * The portal's real routes, compiled by Vite's Remix plugin (which Vitest leaves out), behind the same middleware
 * as server/index.ts: security headers, the client address, the CSRF guard. Listens on a free port.
 */
export async function startPortal(options: { hsts?: boolean; clientIp?: string; trustProxy?: string } = {}) {
  const vite = await createServer({
    configFile: new URL("./remix-vite.config.ts", import.meta.url).pathname,
    logLevel: "silent",
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: "custom",
  });
  const build = withCsrfGuard(withAccessAudit((await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild));
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders({ hsts: options.hsts ?? false }));
  app.use((req, _res, next) => {
    delete req.headers[clientIpHeader];
    // A test plays several people by naming the address each request comes from (this server only).
    const asked = req.headers["x-test-client-ip"];
    req.headers[clientIpHeader] = typeof asked === "string" ? asked : (options.clientIp ?? "203.0.113.7");
    next();
  });
  app.use(requestGuards({ trustProxy: options.trustProxy }));
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: (_req, res) => loadContextFor(res) }));
  app.use(fallbackErrorPage);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    build,
    fetch: (path: string, init: RequestInit = {}) => fetch(origin + path, { redirect: "manual", ...init }),
    /** A same-origin form post with a CSRF token, as a browser sends it (`cookie` adds e.g. a session). */
    postForm(
      path: string,
      fields: Record<string, string>,
      options: { cookie?: string; headers?: Record<string, string> } = {},
    ) {
      const token = "t".repeat(43);
      const cookie = [`kq_csrf=${token}`, options.cookie].filter(Boolean).join("; ");
      return fetch(origin + path, {
        method: "POST",
        redirect: "manual",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Cookie: cookie,
          Origin: origin,
          ...options.headers,
        },
        body: new URLSearchParams({ _csrf: token, ...fields }),
      });
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await vite.close();
    },
  };
}

export type Portal = Awaited<ReturnType<typeof startPortal>>;

/**
 * The portal for one test file: migrated database first, started before the file's tests, closed after them. The
 * answer stands for it from the first test on (reading it before then is a mistake in the test, and says so).
 */
export function portalForThisFile(options: Parameters<typeof startPortal>[0] = {}): Portal {
  let started: Portal | undefined;
  beforeAll(async () => {
    await getDb();
    started = await startPortal(options);
  }, 120_000);
  afterAll(() => started?.close());
  return new Proxy({} as Portal, {
    get(_target, key) {
      if (!started) throw new Error("the portal starts in beforeAll; use it inside a test");
      const value = started[key as keyof Portal];
      return typeof value === "function" ? value.bind(started) : value;
    },
  });
}
