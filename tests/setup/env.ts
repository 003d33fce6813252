import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Each test file gets its own data directory, so getDb() opens a fresh SQLite file migrated from the registry.
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "kq-test-"));
process.env.LOG_LEVEL ??= "silent";
process.env.NODE_ENV = "test";
// Staff must set up two-step sign-in by default (ADR 0021); tests that sign staff in directly would all stop at that
// page, so the harness turns it off, and tests/security/mfa-required.test.ts turns it back on.
process.env.MFA_REQUIRED_ROLES ??= "";
