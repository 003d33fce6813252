import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eDatabaseUrl } from "./tests/e2e/database";
import { budget } from "./tests/e2e/time";

const port = Number(process.env.E2E_PORT ?? 3210);
// Distinct per port so that two runs side by side (E2E_PORT=3211 ...) never share a database.
const dataDir = process.env.E2E_DATA_DIR ?? `.cache/e2e-data-${port}`;
const buildDir = `.cache/e2e-build-${port}`;
// Mail goes to the run's one capturing SMTP server on this port (started by tests/e2e/global-setup.ts, read through
// tests/e2e/mailbox.ts); while none listens, the portal keeps the mail in its outbox and retries, as in production.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525 + (port - 3210));
// On PostgreSQL (`npm run test:e2e:pg`, E2E_DATABASE_URL naming a server): the run's own database, made anew and empty
// before the server starts (tests/e2e/fresh-postgres-database.ts); the server migrates and seeds it as on SQLite.
const postgresUrl = e2eDatabaseUrl();
const freshPostgres = postgresUrl ? "npx tsx tests/e2e/fresh-postgres-database.ts && " : "";
const databaseUrl = postgresUrl ? `DATABASE_URL='${postgresUrl}' ` : "";

// Debian's Chromium: browsers cannot be downloaded on this machine (shared/design/stack.md).
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  // Two workers share one server: each spec file runs in one worker, in order, beside another file. Specs act on
  // referrals they make and on people of their own (tests/e2e/people.ts) where they change an account, and read mail
  // by their own code or address, so no spec waits on or hunts for another's data (docs/decisions/0030).
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // One retry on CI only, and the report lists a test that passed on it as flaky; locally every failure shows at once.
  // A loaded machine is met by the time limits' scale (tests/e2e/time.ts), not by the retry.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: budget(30_000),
  expect: { timeout: budget(5_000) },
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The production build (compiled server included) on a fresh database with demo data, as `npm start` serves it.
    command: `rm -rf ${dataDir} ${buildDir} && mkdir -p .cache && cp -r build ${buildDir} && ${freshPostgres}${databaseUrl}NODE_ENV=production PORT=${port} DATA_DIR=${dataDir} BUILD_DIR=${buildDir} LOG_LEVEL=warn MFA_REQUIRED_ROLES= SMTP_HOST=127.0.0.1 SMTP_PORT=${smtpPort} node ${buildDir}/node/server.js`,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: budget(60_000),
    stdout: "ignore",
    stderr: "pipe",
  },
});
