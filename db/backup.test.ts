import crypto from "node:crypto";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../app/utils/db.server";
import { migrateToLatest } from "./migrate";
import { seedDemoDataIfEmpty } from "./seed";
import { onPostgres } from "../tests/setup/engine";

const tsx = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawn(process.execPath, ["--import", "tsx", path.resolve(script), ...args], { env: { ...process.env, ...env } });

/** Starts the writer and resolves once it has acknowledged `count` referrals; the list keeps growing after. */
function startWriter(
  file: string,
  count: number,
): Promise<{ child: ChildProcessWithoutNullStreams; acknowledged: string[] }> {
  return new Promise((resolve, reject) => {
    const child = tsx("tests/fixtures/referral-writer.ts", [file]);
    const acknowledged: string[] = [];
    let buffered = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (/^[0-9a-f-]{36}$/.test(line)) acknowledged.push(line);
      if (acknowledged.length === count) resolve({ child, acknowledged });
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", () => reject(new Error(`the writer stopped: ${stderr}`)));
  });
}

function run(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** An attachment of a submitted referral, its file in the data directory as the upload service leaves it. */
async function attachFile(db: Database, dataDir: string, content: string): Promise<string> {
  const referral = await db
    .selectFrom("referrals")
    .select(["id", "physician_id"])
    .where("reference_code", "is not", null)
    .executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  const key = `${referral.id}/${id}`;
  fs.mkdirSync(path.join(dataDir, "attachments", referral.id), { recursive: true });
  fs.writeFileSync(path.join(dataDir, "attachments", key), content);
  const sha256 = crypto.createHash("sha256").update(content).digest("hex");
  await db
    .insertInto("attachments")
    .values({
      id,
      referral_id: referral.id,
      kind: "imaging_report",
      file_name: "ct.pdf",
      media_type: "application/pdf",
      size_bytes: content.length,
      sha256,
      storage_key: key,
      uploaded_by: referral.physician_id,
      uploaded_at: new Date().toISOString(),
    })
    .execute();
  return key;
}

// `npm run backup` copies the SQLite file (VACUUM INTO); a PostgreSQL run has no such file, and the README gives
// pg_dump for that engine instead.
describe.skipIf(onPostgres)("npm run backup: the restore drill", () => {
  it(
    "backs up while referrals are written, and the restored copy holds every referral acknowledged before",
    { timeout: 120_000 },
    async () => {
      const live = fs.mkdtempSync(path.join(os.tmpdir(), "kq-live-"));
      const restored = fs.mkdtempSync(path.join(os.tmpdir(), "kq-restored-"));
      const liveFile = path.join(live, "portal.sqlite");
      const backupDir = path.join(live, "backups", "drill");
      try {
        const seeded = openDatabase(liveFile);
        await migrateToLatest(seeded);
        await seedDemoDataIfEmpty(seeded, new Date());
        const attachment = await attachFile(seeded, live, "%PDF-1.4 a CT report");
        await seeded.destroy();

        const { child: writer, acknowledged } = await startWriter(liveFile, 300);
        const beforeBackup = [...acknowledged];
        const backup = await run(tsx("bin/backup.ts", [backupDir], { DATA_DIR: live }));
        const duringBackup = acknowledged.length - beforeBackup.length;
        writer.kill("SIGTERM");
        expect(backup.stderr).toBe("");
        expect(backup.code).toBe(0);
        expect(backup.stdout).toContain("integrity ok; 1 attachment files");
        // The portal kept writing while the copy was taken: the backup did not stop the writer.
        expect(duringBackup).toBeGreaterThan(0);

        // Restore as the README says: the backup's contents become the new data directory; the portal opens it.
        fs.cpSync(backupDir, restored, { recursive: true });
        expect(fs.readFileSync(path.join(restored, "attachments", attachment), "utf8")).toBe("%PDF-1.4 a CT report");
        const db = openDatabase(path.join(restored, "portal.sqlite"));
        expect(await migrateToLatest(db)).toEqual([]);
        const present = new Set((await db.selectFrom("referrals").select("id").execute()).map((r) => r.id));
        expect(beforeBackup.filter((id) => !present.has(id))).toEqual([]);
        await db.destroy();
        const sqlite = new SQLite(path.join(restored, "portal.sqlite"), { readonly: true });
        expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        sqlite.close();
      } finally {
        fs.rmSync(live, { recursive: true, force: true });
        fs.rmSync(restored, { recursive: true, force: true });
      }
    },
  );

  it("never overwrites an existing file and says why", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kq-backup-"));
    try {
      const db = openDatabase(path.join(dir, "portal.sqlite"));
      await migrateToLatest(db);
      await db.destroy();
      fs.mkdirSync(path.join(dir, "taken"));
      fs.writeFileSync(path.join(dir, "taken", "portal.sqlite"), "an earlier backup");
      const answer = await run(tsx("bin/backup.ts", [path.join(dir, "taken")], { DATA_DIR: dir }));
      expect(answer.code).toBe(1);
      expect(answer.stderr).toContain("already exists");
      expect(fs.readFileSync(path.join(dir, "taken", "portal.sqlite"), "utf8")).toBe("an earlier backup");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
