// Reads a V8 CPU profile (node --cpu-prof) and sums each function's own time, to print where the busy time goes.
import fs from "node:fs";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type FunctionTime = { name: string; where: string; ms: number; share: number };

/** The functions with the most self time, as a share of the busy time (idle excluded). */
export function topFunctions(file: string, count = 15): { busyMs: number; top: FunctionTime[] } {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; us: number }>();
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") return;
    const us = profile.timeDeltas[i] ?? 0;
    busyUs += us;
    const where = frame.url ? `${frame.url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "")}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName}@${where}`;
    const entry = self.get(key) ?? { name: frame.functionName || "(anonymous)", where, us: 0 };
    entry.us += us;
    self.set(key, entry);
  });
  const top = [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, share: busyUs ? e.us / busyUs : 0 }));
  return { busyMs: busyUs / 1000, top };
}
