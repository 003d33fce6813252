import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Each test file gets its own data directory, so getDb() opens a fresh SQLite file migrated from the registry.
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "kq-test-"));
process.env.LOG_LEVEL ??= "silent";
process.env.NODE_ENV = "test";
