import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";

// Each test file gets its own data directory, so getDb() opens a fresh SQLite file migrated from the registry.
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "kq-test-"));
process.env.LOG_LEVEL ??= "silent";
process.env.NODE_ENV = "test";
// Staff must set up two-step sign-in by default (ADR 0021); tests that sign staff in directly would all stop at that
// page, so the harness turns it off, and tests/security/mfa-required.test.ts turns it back on.
process.env.MFA_REQUIRED_ROLES ??= "";

// On PostgreSQL (TEST_DATABASE_URL; tests/setup/postgres.ts), each test file gets its own database, copied from the
// migrated template, and getDb() opens it through DATABASE_URL.
const testServer = process.env.TEST_DATABASE_URL;
const template = process.env.KQ_TEST_TEMPLATE_DATABASE;
// A DATABASE_URL left in the shell must never send the tests into a real database.
delete process.env.DATABASE_URL;
if (testServer && template) {
  const { Kysely, PostgresDialect, sql } = await import("kysely");
  const { default: pg } = await import("pg");
  const name = `${template.replace(/_template$/, "")}_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: testServer, max: 1 }) }),
  });
  // FILE_COPY: a small template is copied faster file by file than through the write-ahead log.
  await sql`create database ${sql.id(name)} template ${sql.id(template)} strategy file_copy`.execute(admin);
  await admin.destroy();
  const url = new URL(testServer);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
}
