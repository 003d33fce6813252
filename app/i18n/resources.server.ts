import fs from "node:fs";
import path from "node:path";
import { languages, type Language } from "./config";

export type Resources = Record<string, Record<string, unknown>>;

let cache: Record<Language, Resources> | undefined;

/** Every namespace of every language, read once from locales/{lng}/{ns}.json (they never change at run time). */
export function allResources(): Record<Language, Resources> {
  if (cache) return cache;
  const root = path.resolve(process.cwd(), "locales");
  const loaded = {} as Record<Language, Resources>;
  for (const lng of languages) {
    loaded[lng] = {};
    for (const file of fs
      .readdirSync(path.join(root, lng))
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      loaded[lng][file.slice(0, -5)] = JSON.parse(fs.readFileSync(path.join(root, lng, file), "utf8"));
    }
  }
  cache = loaded;
  return loaded;
}

export function namespaces(): string[] {
  return Object.keys(allResources().en);
}
