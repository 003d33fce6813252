// Reads a V8 CPU profile (node --cpu-prof) and sums each function's own time, to print where the busy time goes.
import fs from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type FunctionTime = { name: string; where: string; ms: number; share: number };

function label(frame: ProfileNode["callFrame"]) {
  const where = frame.url
    ? `${frame.url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "")}:${frame.lineNumber + 1}`
    : "";
  return { name: frame.functionName || "(anonymous)", where };
}

/**
 * The project's own functions (compiled into build/) with the most time spent in them and what they call, as a share
 * of the busy time: where a page's time goes, when the self-time list shows only React and i18next.
 */
export function topProjectFunctions(file: string, count = 15): FunctionTime[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, FunctionTime>();
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName === "(idle)") return;
    const us = profile.timeDeltas[i] ?? 0;
    busyUs += us;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!frame.url.includes("/build/")) continue;
      const { name, where } = label(frame);
      const key = `${name}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = total.get(key) ?? { name, where, ms: 0, share: 0 };
      entry.ms += us / 1000;
      total.set(key, entry);
    }
  });
  return [...total.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((e) => ({ ...e, share: busyUs ? (e.ms * 1000) / busyUs : 0 }));
}

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
    const { name, where } = label(frame);
    const key = `${name}@${where}`;
    const entry = self.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    self.set(key, entry);
  });
  const top = [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, share: busyUs ? e.us / busyUs : 0 }));
  return { busyMs: busyUs / 1000, top };
}
