// Regenerates db/types.ts from the migrations: migrate a throwaway database, then let kysely-codegen read it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateToLatest } from "../db/migrate";
import { openDatabase } from "../app/utils/db.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kq-types-"));
const file = path.join(dir, "types.sqlite");
const db = openDatabase(file);
await migrateToLatest(db);
await db.destroy();
execFileSync(
  "npx",
  [
    "kysely-codegen",
    "--dialect",
    "sqlite",
    "--url",
    file,
    "--out-file",
    "db/types.ts",
    "--exclude-pattern",
    "kysely_*",
  ],
  { stdio: "inherit" },
);
fs.rmSync(dir, { recursive: true, force: true });
