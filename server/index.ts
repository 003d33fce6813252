import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { withCsrfGuard } from "./csrf-guard";
import { withAccessAudit } from "./access-audit";
import { clientIpHeader } from "../app/utils/client-ip.server";
import { fallbackErrorPage } from "./fallback-error";
import { loadContextFor, securityHeaders } from "./security-headers";
import { requestGuards } from "./request-guards";
import { env } from "../app/utils/env.server";
import { databaseForLog, getDb } from "../app/utils/db.server";
import { startMailer } from "../app/modules/notifications/mailer.server";
import { startRetentionJob } from "../app/modules/retention/retention.service.server";
import { logger } from "../app/utils/logger.server";
import { seedDemoDataIfEmpty } from "../db/seed";

const config = env();
// Where the production build is; browser tests serve a snapshot of it so a rebuild cannot pull it away mid-run.
const buildDir = process.env.BUILD_DIR ?? "build";
const production = config.NODE_ENV === "production";

const vite = production
  ? undefined
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

async function loadBuild(): Promise<ServerBuild> {
  const build = vite
    ? ((await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild)
    : ((await import(pathToFileURL(path.resolve(buildDir, "server/index.js")).href)) as ServerBuild);
  // The CSRF guard outermost: a forged request is refused before anything else, and is no access attempt.
  return withCsrfGuard(withAccessAudit(build));
}

// Migrate, and seed demo data into a new database, before the first request.
const db = await getDb();
const seeded = config.DEMO_DATA === "true" ? await seedDemoDataIfEmpty(db, new Date()) : null;
// Sends (and retries) the mail outbox in the background; does nothing unless SMTP_HOST is set.
startMailer();
// Removes expired counters, status-check sessions and sign-in records every hour (ADR 0021).
startRetentionJob();

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, name it (e.g. "loopback", or a hop count) so req.ip is the client, not the proxy.
if (config.TRUST_PROXY)
  app.set("trust proxy", /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY);
app.use(compression());
app.use(securityHeaders({ hsts: config.cookieSecure, development: !production }));
app.use((req, res, next) => {
  const requestId = crypto.randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    // Method, path and status only: never query strings, bodies or cookies (they may carry health data).
    logger.info(
      {
        requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      },
      "request",
    );
  });
  next();
});

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  // The few files outside assets/ (favicon.svg, ...) are known at start: a page request goes straight to Remix
  // instead of first asking the disk for a file of its name (a failed stat per request).
  const clientDir = path.join(buildDir, "client");
  const publicFiles = new Set(
    fs.readdirSync(clientDir, { recursive: true, encoding: "utf8" }).map((f) => `/${f.split(path.sep).join("/")}`),
  );
  const serveFile = express.static(clientDir, { maxAge: "1h" });
  app.use((req, res, next) => (publicFiles.has(req.path) ? serveFile(req, res, next) : next()));
}

// The client's address for rate limits and the audit log (app/utils/client-ip.server.ts): set by us only.
app.use((req, _res, next) => {
  delete req.headers[clientIpHeader];
  const ip = req.ip ?? req.socket.remoteAddress;
  if (ip) req.headers[clientIpHeader] = ip;
  next();
});
// Foreign origins (403), oversized form bodies (413) and an untrusted X-Forwarded-Host, before Remix reads anything.
app.use(requestGuards({ trustProxy: config.TRUST_PROXY }));

app.all(
  "*",
  createRequestHandler({
    build: vite ? loadBuild : await loadBuild(),
    mode: config.NODE_ENV,
    getLoadContext: (_req, res) => loadContextFor(res),
  }),
);
app.use(fallbackErrorPage);

app.listen(config.PORT, config.HOST, () => {
  logger.info(
    { url: `http://localhost:${config.PORT}`, database: databaseForLog(config.databaseLocation) },
    "portal listening",
  );
  if (seeded) {
    logger.warn("SERVING DEMO DATA: this database was empty and has been filled with demo accounts and referrals");
    for (const line of seeded.lines) logger.warn(line);
  }
});
