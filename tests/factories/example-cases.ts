// The example cases, each `{ case, expected }`: the repository's own copies (tests/fixtures/cases*), plus any new
// ones in ../shared when a clone has it beside it, so the tests pass on the repository alone.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Expected = { outcome: string; coverage?: string; site?: string | null; missingIncludes?: string[] };
export type ExampleCase = {
  name: string;
  set: "both" | "kq-2026-12";
  case: Record<string, unknown>;
  expected: Expected;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const folders = [
  { set: "both", dirs: [path.join(root, "tests/fixtures/cases"), path.resolve(root, "../shared/cases")] },
  {
    set: "kq-2026-12",
    dirs: [path.join(root, "tests/fixtures/cases-kq-2026-12"), path.resolve(root, "../shared/cases-kq-2026-12")],
  },
] as const;

/** Every example case once by name (the repository's copy first), sorted by name. */
export function exampleCases(set?: ExampleCase["set"]): ExampleCase[] {
  const byName = new Map<string, ExampleCase>();
  for (const folder of folders) {
    if (set !== undefined && folder.set !== set) continue;
    for (const dir of folder.dirs) {
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
        const name = file.slice(0, -5);
        if (byName.has(name)) continue;
        const raw = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as {
          case: Record<string, unknown>;
          expected: Expected;
        };
        byName.set(name, { name, set: folder.set, case: raw.case, expected: raw.expected });
      }
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function exampleCase(name: string): ExampleCase {
  const found = exampleCases().find((c) => c.name === name);
  if (!found) throw new Error(`no example case ${name}`);
  return structuredClone(found);
}
