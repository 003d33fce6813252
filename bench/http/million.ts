// The coordinator queue over HTTP on a database of a million referrals (`npm run bench:http -- --million`).
// The database is a demo database (so the demo coordinator can sign in) with bench/queue/million.ts's referrals added
// at the demo sites, handled by the demo staff. It is built once into .cache/bench-million/<key>/ (a few minutes) and
// reused while the migrations and the generator stay the same; the portal migrates it on start if they do not.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { fillReferrals, type People } from "../queue/million";
import { startServer, stopServer } from "./servers";
import type { Target } from "./targets";

export const MILLION = 1_000_000;

/** Where the cached database lives: keyed by the migrations' names and the generator's and writer's source. */
function cacheDir(): string {
  const key = crypto
    .createHash("sha256")
    .update(fs.readdirSync("db/migrations").sort().join("\n"))
    .update(fs.readFileSync("bench/queue/million.ts"))
    .update(fs.readFileSync("bench/queue/referral-rows.ts"))
    .digest("hex")
    .slice(0, 12);
  return path.resolve(".cache/bench-million", key);
}

function demoPeople(file: string): People {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    const ids = (sql: string, ...params: string[]) =>
      (sqlite.prepare(sql).all(...params) as { id: string }[]).map((r) => r.id);
    const staffOf = (site: string) =>
      ids("SELECT id FROM users WHERE site_code = ? AND role IN ('coordinator', 'reviewer') ORDER BY email", site);
    return {
      staff: { konyang: staffOf("konyang"), qst: staffOf("qst") },
      physicians: ids("SELECT id FROM users WHERE role = 'physician' AND status = 'active' ORDER BY email"),
    };
  } finally {
    sqlite.close();
  }
}

/**
 * The data directory of the million-referral portal, built when missing: the portal seeds a fresh demo database on
 * its first start (then stops), and the generator adds a million referrals to it.
 */
export async function millionDataDir(port: number, env: Record<string, string>): Promise<string> {
  const dir = cacheDir();
  const file = path.join(dir, "portal.sqlite");
  if (fs.existsSync(path.join(dir, "complete"))) {
    console.log(`Reusing the million-referral database in ${path.relative(process.cwd(), dir)}`);
    return dir;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  console.log(`Building a demo database with ${MILLION.toLocaleString("en")} more referrals in ${dir} (once) ...`);
  await stopServer(
    await startServer("portal (seeding)", "build/node/server.js", port, { ...env, DATA_DIR: dir }, "/healthz"),
  );
  const { seconds } = fillReferrals(file, MILLION, demoPeople(file));
  console.log(`  inserted in ${seconds.toFixed(0)} s, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);
  // One more start and stop, so whatever a start does once on a new database (retention run, checkpoint) is done here.
  await stopServer(
    await startServer("portal (settling)", "build/node/server.js", port, { ...env, DATA_DIR: dir }, "/healthz"),
  );
  fs.writeFileSync(path.join(dir, "complete"), new Date().toISOString());
  return dir;
}

/** The queue's first page and a filtered page (one indication, past its clock), as the demo coordinator opens them. */
export const millionTargets: Target[] = [
  { name: "queue, 1M referrals", kind: "million queue", role: "coordinator", path: "/queue" },
  {
    name: "queue, 1M, filtered",
    kind: "million queue",
    role: "coordinator",
    path: "/queue?tab=in_review&indication=pancreas&breach=1",
  },
];
