import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve("locales");
const languages = ["ko", "ja", "en"] as const;
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function load(lng: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of fs.readdirSync(path.join(root, lng)).filter((f) => f.endsWith(".json"))) {
    const tree = JSON.parse(fs.readFileSync(path.join(root, lng, file), "utf8")) as Tree;
    for (const [k, v] of flatten(tree)) all.set(`${file.slice(0, -5)}:${k}`, v);
  }
  return all;
}

const loaded = Object.fromEntries(languages.map((l) => [l, load(l)])) as Record<
  (typeof languages)[number],
  Map<string, string>
>;
// Korean and Japanese have one plural form (_other); English has _one and _other. Compare the base keys.
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(pluralSuffix, "")));

describe("locales", () => {
  it("have the same namespaces in every language", () => {
    const files = languages.map((l) => fs.readdirSync(path.join(root, l)).sort().join(","));
    expect(new Set(files).size).toBe(1);
  });

  for (const lng of ["ko", "ja"] as const) {
    it(`${lng} has exactly the keys English has`, () => {
      expect([...baseKeys(loaded[lng])].sort()).toEqual([...baseKeys(loaded.en)].sort());
    });

    it(`${lng} is really translated (no English sentence copied over)`, () => {
      const copied = [...loaded[lng]].filter(([key, value]) => {
        const english = loaded.en.get(key) ?? loaded.en.get(key.replace(pluralSuffix, "_other"));
        // A sentence of three or more English words left untranslated.
        return english !== undefined && value === english && /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(value);
      });
      expect(copied.map(([k]) => k)).toEqual([]);
    });

    it(`${lng} keeps every {{placeholder}} of the English text`, () => {
      const broken = [...loaded.en].filter(([key, english]) => {
        const target = loaded[lng].get(key) ?? loaded[lng].get(key.replace(pluralSuffix, "_other"));
        if (target === undefined) return false;
        const names = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
        return names(english).some((n) => !names(target).includes(n));
      });
      expect(broken.map(([k]) => k)).toEqual([]);
    });
  }

  it("English plurals have both _one and _other", () => {
    const keys = [...loaded.en.keys()];
    const missing = keys.filter((k) => k.endsWith("_one") && !loaded.en.has(k.replace(/_one$/, "_other")));
    expect(missing).toEqual([]);
  });
});
