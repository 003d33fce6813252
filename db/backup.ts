import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

export type BackupResult = { directory: string; databaseBytes: number; files: number; filesGoneSinceSnapshot: number };

/**
 * An online, consistent backup of a data directory while the portal keeps serving: `<target>/portal.sqlite` and
 * `<target>/attachments/…`, the same layout as the data directory, so restoring is copying it back.
 *
 * The database first: `VACUUM INTO` reads it inside one read transaction, so in WAL mode writers go on meanwhile and
 * the copy holds exactly what was committed when that transaction began (SQLite's online backup API would restart
 * whenever another process writes, and might never finish under steady traffic). Then the files the copy refers
 * to: an attachment's file is written before its row commits and never changes after, so each one the snapshot
 * names is already complete; each is checked against its SHA-256. A file removed by its owner after the snapshot
 * is counted, not an error.
 */
export function backupDataDirectory(dataDir: string, databaseFile: string, target: string): BackupResult {
  if (!fs.existsSync(databaseFile)) throw new Error(`no database at ${databaseFile}`);
  if (fs.existsSync(target)) throw new Error(`${target} already exists; a backup never overwrites`);
  fs.mkdirSync(target, { recursive: true });
  const copyFile = path.join(target, "portal.sqlite");
  const source = new SQLite(databaseFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    source.prepare("VACUUM INTO ?").run(copyFile);
  } finally {
    source.close();
  }

  const copy = new SQLite(copyFile, { readonly: true });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the database copy failed its integrity check: ${String(check)}`);
    const attachments = copy.prepare("select storage_key, sha256 from attachments where removed_at is null").all() as {
      storage_key: string;
      sha256: string;
    }[];
    let files = 0;
    let gone = 0;
    for (const { storage_key: key, sha256 } of attachments) {
      const from = path.join(dataDir, "attachments", key);
      if (!fs.existsSync(from)) {
        gone += 1;
        continue;
      }
      const to = path.join(target, "attachments", key);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      const digest = crypto.createHash("sha256").update(fs.readFileSync(to)).digest("hex");
      if (digest !== sha256) throw new Error(`attachment ${key} does not match its SHA-256`);
      files += 1;
    }
    return { directory: target, databaseBytes: fs.statSync(copyFile).size, files, filesGoneSinceSnapshot: gone };
  } finally {
    copy.close();
  }
}

/** Where a backup goes by default: the data directory's backups folder, named by the UTC time it was taken. */
export function defaultBackupPath(dataDir: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return path.join(dataDir, "backups", `portal-${stamp}`);
}
