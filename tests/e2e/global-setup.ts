import fs from "node:fs";
import { startMailDrop } from "./mailbox";

/**
 * The browser tests run against the production build: fail early with a clear word if it is missing. Then the run's
 * one capturing SMTP server starts (tests/e2e/mailbox.ts); the function returned stops it when the run ends.
 */
export default async function globalSetup() {
  if (!fs.existsSync("build/server/index.js") || !fs.existsSync("build/node/server.js")) {
    throw new Error("No production build: run `npm run build` before `npm run test:e2e` (npm test does both).");
  }
  return startMailDrop();
}
