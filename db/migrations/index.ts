import type { Migration } from "kysely/migration";
import * as m0001 from "./0001_foundation";

// The explicit registry: static imports work the same under Vitest, tsx scripts and the server bundle.
// Append new migrations here; never reorder or edit landed ones.
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
};
