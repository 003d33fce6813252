// Starting and stopping the two servers the HTTP benchmark compares: the portal as `npm start` serves it (compiled
// JavaScript on plain node, production mode) and the bare Remix twin (bench/twin).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type Server = { name: string; url: string; child: ChildProcess; log: string[] };

async function waitFor(url: string, child: ChildProcess, log: string[], seconds = 90): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited (${child.exitCode}):\n${log.join("")}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in ${seconds} s:\n${log.join("")}`);
}

/** Runs `node [nodeArgs] script` (its standard output, the request log, goes nowhere; errors are kept) with `env` on `port` and waits until `readyPath` answers 200. */
export async function startServer(
  name: string,
  script: string,
  port: number,
  env: Record<string, string>,
  readyPath: string,
  nodeArgs: string[] = [],
): Promise<Server> {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const log: string[] = [];
  child.stderr!.on("data", (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url + readyPath, child, log);
  return { name, url, child, log };
}

/** SIGTERM, then wait for the process to be gone (a profiled portal writes its profile on the way out). */
export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const gone = new Promise((r) => server.child.once("exit", r));
  server.child.kill("SIGTERM");
  await gone;
}

/**
 * CPU time the server process has used so far, in ms (user + system, from /proc). Divided by the requests served it
 * gives the work per request, which a machine shared with other jobs slows far less than it slows req/s.
 */
export function cpuMs(server: Server): number {
  const fields = fs.readFileSync(`/proc/${server.child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // After "pid (comm) ": state is field 0, utime field 11, stime field 12, in clock ticks (100 a second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
