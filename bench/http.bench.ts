// The portal against a bare Remix twin, side by side in one run: `npm run bench:http [-- FILTER] [--seconds=N]
// [--no-build] [--no-profile] [--profile=NAME] [--million]`. Not a test: it prints figures and fails nothing.
//
// Builds the portal (`npm run build`: Remix plus the compiled server) and the twin (bench/twin), starts both in
// production mode on a fresh demo database, signs in as each role, then loads every page and JSON door with
// autocannon (20 connections, N seconds each after a one-second warm-up) and prints req/s, p50/p99, the share of the
// twin's req/s, the server's CPU time per request (and the twin's as a share of it: on a machine shared with other
// jobs this moves far less than req/s) and the JavaScript a page makes the browser download (gzip). The twin is
// measured at the start and at the end and its mean is the 100 %, so a machine that slows down during the run is
// seen. Then it profiles the
// slowest page, or the first row matching --profile=NAME (node --cpu-prof), and prints the functions with the most
// CPU time.
// --million adds the coordinator queue on a database of a million referrals (bench/http/million.ts; built once into
// .cache/, a few minutes, then reused). FILTER keeps the rows whose name or path contains it.
// Ports: BENCH_PORT (default 3510) and the next two.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { topFunctions, topProjectFunctions } from "./http/profile";
import { cpuMs, startServer, stopServer, type Server } from "./http/servers";
import { millionDataDir, millionTargets } from "./http/million";
import { get, signIn, type Jar } from "./http/session";
import { accounts, portalTargets, signInAll, twinTargets, verdict, type Target } from "./http/targets";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const filter = args.find((a) => !a.startsWith("--"));
const seconds = Number(option("seconds") ?? 5);
const connections = Number(option("connections") ?? 20);
const basePort = Number(process.env.BENCH_PORT ?? 3510);

type Row = {
  target: Target;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  non2xx: number;
  errors: number;
  jsGzip: number | null;
};

async function load(base: string, target: Target, jar: Jar | undefined, duration: number) {
  const headers = {
    ...target.headers,
    ...(jar?.cookie ? { Cookie: [jar.cookie, target.headers?.Cookie].filter(Boolean).join("; ") } : {}),
  };
  return autocannon({
    url: base + target.path,
    connections: target.rate ? 10 : connections,
    duration,
    method: target.method ?? "GET",
    headers,
    body: target.body,
    overallRate: target.rate,
  });
}

/**
 * Waits until the server has finished the requests still queued in it: autocannon stops on time, not when the server
 * has answered, and on a slow page (20 connections, a few requests a second) the requests left over are as many as
 * the ones answered in the window. Idle = at most one clock tick of CPU in 200 ms; gives up after 60 s.
 */
async function settled(server: Server): Promise<void> {
  const until = Date.now() + 60_000;
  let before = cpuMs(server);
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    const now = cpuMs(server);
    if (now - before <= 10) return;
    before = now;
  }
}

/** autocannon's count of requests sent (its result has it; its type does not declare it). */
function requestsSent(result: Awaited<ReturnType<typeof load>>): number {
  return (result.requests as { sent?: number }).sent ?? result.requests.total;
}

async function measure(server: Server, target: Target, jar?: Jar): Promise<Row> {
  await load(server.url, target, jar, 1);
  // The warm-up's leftover requests are not the row's: before this wait they were charged to it.
  await settled(server);
  const cpuBefore = cpuMs(server);
  const result = await load(server.url, target, jar, seconds);
  await settled(server);
  // Every request sent was served (in the window or just after), so the CPU is divided by those, not by the answers
  // that arrived before autocannon stopped.
  const cpuMsPerRequest = (cpuMs(server) - cpuBefore) / Math.max(1, requestsSent(result));
  return {
    target,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    jsGzip: null,
  };
}

const gzipped = new Map<string, number>();
/**
 * The JavaScript a page makes the browser download as it loads, each file gzipped, summed: its module preloads (entry,
 * route modules and what they import) and the modules its inline script imports. Not every `/assets/*.js` the HTML
 * names: with lazy route discovery the inlined manifest also lists the modules of the routes above the page (the
 * queue's, on a referral of the queue), which the browser fetches only when someone navigates there.
 */
async function jsGzipBytes(base: string, pagePath: string, jar?: Jar): Promise<number> {
  const { text } = await get(base, pagePath, jar ? { ...jar } : undefined);
  const preloaded = [...text.matchAll(/<link rel="modulepreload" href="(\/assets\/[\w.-]+\.js)"/g)];
  const imported = [...text.matchAll(/import(?:[^"'();]*?from)?\s*\(?["'](\/assets\/[\w.-]+\.js)["']/g)];
  const files = new Set([...preloaded, ...imported].map((m) => m[1]!));
  let total = 0;
  for (const file of files) {
    if (!gzipped.has(file))
      gzipped.set(file, zlib.gzipSync(Buffer.from(await (await fetch(base + file)).arrayBuffer())).length);
    total += gzipped.get(file)!;
  }
  return total;
}

type Twin = { rps: number; cpu: number };

function printTable(rows: Row[], twins: { page: Twin; door: Twin }) {
  const kb = (n: number | null) => (n === null ? "" : (n / 1024).toFixed(1));
  console.log(
    "\n| target | path | req/s | p50 ms | p99 ms | share of twin | CPU ms/req | twin's CPU share | JS gzip KB | non-2xx/errors | target (#16) |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const row of rows) {
    const twin = row.target.kind === "door" ? twins.door : twins.page;
    const share = row.rps / twin.rps;
    const cpuShare = row.cpuMsPerRequest > 0 ? `${Math.round((twin.cpu / row.cpuMsPerRequest) * 100)} %` : "";
    const isTwin = row.target.name.startsWith("twin");
    const rate = row.target.rate ? ` (at ${row.target.rate}/s)` : "";
    console.log(
      `| ${row.target.name}${rate} | ${row.target.method ?? "GET"} ${row.target.path.replace(/[0-9a-f-]{20,}|KQ-[\w-]+/g, ":id")} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ` +
        `${row.target.rate ? "" : `${Math.round(share * 100)} %`} | ${row.cpuMsPerRequest.toFixed(2)} | ${cpuShare} | ${kb(row.jsGzip)} | ${row.non2xx}/${row.errors} | ${isTwin ? "" : verdict(row.target, share, row.p99, row.jsGzip)} |`,
    );
  }
}

async function profileSlowest(row: Row, dataDir: string, jar: Jar | undefined, portalEnv: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kq-cpu-prof-"));
  const portal = await startServer(
    "portal (profiled)",
    "build/node/server.js",
    basePort + 2,
    { ...portalEnv, DATA_DIR: dataDir },
    "/healthz",
    ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--import", "./bench/http/exit-on-signal.mjs"],
  );
  await load(portal.url, row.target, jar, seconds);
  await stopServer(portal);
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) return console.log("no profile was written");
  const { busyMs, top } = topFunctions(path.join(dir, file));
  console.log(
    `\nCPU profile of "${row.target.name}" (${row.target.path}) for ${seconds} s: ${busyMs.toFixed(0)} ms busy. Self time:`,
  );
  for (const f of top)
    console.log(
      `  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}`,
    );
  console.log("The portal's own functions, time in them and in what they call:");
  for (const f of topProjectFunctions(path.join(dir, file)))
    console.log(
      `  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}`,
    );
  console.log(`  (profile: ${path.join(dir, file)}; open it in Chrome DevTools)`);
}

/** The million-referral portal's data directory and the coordinator's jar there, once its rows have run. */
let million: { dataDir: string; jar: Jar } | null = null;

/** The queue on a million referrals: its own portal (on the next port but one) on the cached database. */
async function measureMillion(portalEnv: Record<string, string>): Promise<Row[]> {
  const targets = millionTargets.filter((t) => !filter || t.name.includes(filter) || t.path.includes(filter));
  if (!targets.length) return [];
  const dataDir = await millionDataDir(basePort + 2, portalEnv);
  const portal = await startServer(
    "portal (1M)",
    "build/node/server.js",
    basePort + 2,
    { ...portalEnv, DATA_DIR: dataDir },
    "/healthz",
  );
  const rows: Row[] = [];
  try {
    const jar = await signIn(portal.url, accounts.coordinator, path.join(dataDir, "portal.sqlite"));
    million = { dataDir, jar };
    for (const target of targets) {
      const row = await measure(portal, target, jar);
      row.jsGzip = await jsGzipBytes(portal.url, target.path, jar);
      rows.push(row);
      console.log(`  ${target.name}: ${row.rps.toFixed(0)} req/s, p99 ${row.p99} ms`);
    }
  } finally {
    await stopServer(portal);
  }
  return rows;
}

async function main() {
  if (!flag("no-build")) {
    console.log("Building the portal and the twin ...");
    // Quiet unless a build fails (Rollup's warnings about comments in zod are not news).
    for (const command of ["npm run -s build", "npx remix vite:build bench/twin"]) {
      try {
        execSync(command, { stdio: "pipe" });
      } catch (error) {
        process.stderr.write((error as { stderr?: Buffer }).stderr ?? String(error));
        throw new Error(`${command} failed`);
      }
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kq-http-bench-"));
  // Production as `npm start` runs it (request log included); the doors' rate limits are raised for the load only.
  const portalEnv = {
    NODE_ENV: "production",
    SCREEN_API_LIMIT_PER_MINUTE: "100000000",
    API_TOKEN_LIMIT_PER_MINUTE: "100000000",
  };
  const portal = await startServer(
    "portal",
    "build/node/server.js",
    basePort,
    { ...portalEnv, DATA_DIR: dataDir },
    "/healthz",
  );
  const twin = await startServer("twin", "bench/twin/server.js", basePort + 1, { NODE_ENV: "production" }, "/data");
  const rows: Row[] = [];
  try {
    const jars = await signInAll(portal.url, path.join(dataDir, "portal.sqlite"));
    const targets = (await portalTargets(portal.url, jars)).filter(
      (t) => !filter || t.name.includes(filter) || t.path.includes(filter),
    );
    console.log(
      `${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(" ")}; ${connections} connections, ${seconds} s per row`,
    );
    const twinFirst = [await measure(twin, twinTargets.page), await measure(twin, twinTargets.door)];
    twinFirst[0]!.jsGzip = await jsGzipBytes(twin.url, "/");
    for (const target of targets) {
      const row = await measure(portal, target, jars[target.role]);
      if (target.method !== "POST" && !target.path.startsWith("/api/"))
        row.jsGzip = await jsGzipBytes(portal.url, target.path, jars[target.role]);
      rows.push(row);
      console.log(`  ${target.name}: ${row.rps.toFixed(0)} req/s, p99 ${row.p99} ms`);
    }
    if (flag("million")) rows.push(...(await measureMillion(portalEnv)));
    const twinLast = [await measure(twin, twinTargets.page), await measure(twin, twinTargets.door)];
    const mean = (i: number) => ({
      rps: (twinFirst[i]!.rps + twinLast[i]!.rps) / 2,
      cpu: (twinFirst[i]!.cpuMsPerRequest + twinLast[i]!.cpuMsPerRequest) / 2,
    });
    const twins = { page: mean(0), door: mean(1) };
    console.log(
      `twin page ${twinFirst[0]!.rps.toFixed(0)} → ${twinLast[0]!.rps.toFixed(0)} req/s, twin resource route ${twinFirst[1]!.rps.toFixed(0)} → ${twinLast[1]!.rps.toFixed(0)} req/s (start → end)`,
    );
    printTable([...twinFirst, ...rows, ...twinLast], twins);
    await stopServer(portal);
    const pages = rows.filter((r) => !r.target.rate);
    const chosen = option("profile");
    const slowest = chosen
      ? pages.find((r) => r.target.name.includes(chosen) || r.target.path.includes(chosen))
      : pages.filter((r) => r.target.kind !== "million queue").sort((a, b) => a.rps - b.rps)[0];
    // A million-referral row is profiled on its own database, as the coordinator who loaded it.
    const onMillion = slowest?.target.kind === "million queue" && million;
    if (slowest && !flag("no-profile"))
      await profileSlowest(
        slowest,
        onMillion ? million!.dataDir : dataDir,
        onMillion ? million!.jar : jars[slowest.target.role],
        portalEnv,
      );
  } finally {
    await stopServer(portal);
    await stopServer(twin);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
