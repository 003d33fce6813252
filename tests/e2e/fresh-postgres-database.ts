import pg from "pg";
import { e2eDatabaseName, e2eServerUrl } from "./database";

// Run by playwright.config.ts's web server command before the portal starts, when the browser tests run on PostgreSQL
// (E2E_DATABASE_URL): the run's database is made anew and empty, as the SQLite run starts from a fresh data directory.
// The portal then migrates it and seeds the demo data on start, as `npm start` does on an empty database.

if (!e2eServerUrl) throw new Error("E2E_DATABASE_URL is not set");
const admin = new pg.Client({ connectionString: e2eServerUrl });
await admin.connect();
try {
  // WITH (FORCE): a portal left over from an interrupted run may still hold connections.
  await admin.query(`drop database if exists "${e2eDatabaseName}" with (force)`);
  // Byte order (C collation), as SQLite compares text and as the README creates the portal's database.
  await admin.query(
    `create database "${e2eDatabaseName}" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`,
  );
} finally {
  await admin.end();
}
