import fs from "node:fs";

/** The browser tests run against the production build: fail early with a clear word if it is missing. */
export default function globalSetup() {
  if (!fs.existsSync("build/server/index.js") || !fs.existsSync("build/node/server.js")) {
    throw new Error("No production build: run `npm run build` before `npm run test:e2e` (npm test does both).");
  }
}
