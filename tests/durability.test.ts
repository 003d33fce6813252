import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { onPostgres } from "./setup/engine";

const writer = path.resolve("tests/fixtures/durability-writer.ts");

/** Runs the writer until it has reported `rows` commits, then kills it with SIGKILL; answers every id it reported. */
function writeThenKill(file: string, rows: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, file], { stdio: ["ignore", "pipe", "pipe"] });
    const reported: number[] = [];
    let buffered = "";
    let stderr = "";
    let killed = false;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (/^\d+$/.test(line)) reported.push(Number(line));
      if (!killed && reported.length >= rows) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (_code, signal) => {
      // Lines already read before the kill are commits too; a line cut in half is not counted.
      if (signal === "SIGKILL") resolve(reported);
      else reject(new Error(`writer exited without being killed: ${stderr}`));
    });
  });
}

// The SQLite file's durability (WAL, synchronous = FULL): on a PostgreSQL run the engine under test is not SQLite.
describe.skipIf(onPostgres)("durability", () => {
  it("keeps every committed row, intact, when the process is killed mid-write", { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kq-durability-"));
    const file = path.join(dir, "portal.sqlite");
    const committed: number[] = [];
    // Three rounds: each kill lands at a different point, and each restart must find the database usable.
    for (const rows of [150, 220, 90]) committed.push(...(await writeThenKill(file, rows)));

    const sqlite = new SQLite(file);
    try {
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const rows = sqlite.prepare("select id, payload, checksum from durability_probe order by id").all() as {
        id: number;
        payload: string;
        checksum: string;
      }[];
      const present = new Set(rows.map((r) => r.id));
      expect(committed.length).toBeGreaterThanOrEqual(460);
      expect(committed.filter((id) => !present.has(id))).toEqual([]);
      // No half-written row: every payload matches its checksum, and the counter moved with every insert.
      expect(rows.filter((r) => crypto.createHash("sha256").update(r.payload).digest("hex") !== r.checksum)).toEqual(
        [],
      );
      expect(
        (sqlite.prepare("select value from durability_counter where name = 'rows'").get() as { value: number }).value,
      ).toBe(rows.length);
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
