import crypto from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { withCsrfGuard } from "./csrf-guard";
import { fallbackErrorPage } from "./fallback-error";
import { env } from "../app/utils/env.server";
import { getDb } from "../app/utils/db.server";
import { logger } from "../app/utils/logger.server";
import { seedDemoDataIfEmpty } from "../db/seed";

const config = env();
const production = config.NODE_ENV === "production";

const vite = production
  ? undefined
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

async function loadBuild(): Promise<ServerBuild> {
  const build = vite
    ? ((await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild)
    : ((await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild);
  return withCsrfGuard(build);
}

// Migrate, and seed demo data into a new database, before the first request.
const db = await getDb();
const seeded = config.DEMO_DATA === "true" ? await seedDemoDataIfEmpty(db, new Date()) : null;

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use((req, res, next) => {
  const requestId = crypto.randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    // Method, path and status only: never query strings, bodies or cookies (they may carry health data).
    logger.info(
      { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
      "request",
    );
  });
  next();
});

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}

app.all("*", createRequestHandler({ build: vite ? loadBuild : await loadBuild(), mode: config.NODE_ENV }));
app.use(fallbackErrorPage);

app.listen(config.PORT, config.HOST, () => {
  logger.info({ url: `http://localhost:${config.PORT}`, database: config.databasePath }, "portal listening");
  if (seeded) {
    logger.warn("SERVING DEMO DATA: this database was empty and has been filled with demo accounts and referrals");
    for (const line of seeded.lines) logger.warn(line);
  }
});
