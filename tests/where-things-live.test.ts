// The README's "Where things live" table is how a newcomer finds their way: it must name only paths that exist,
// and every module folder, so that it cannot drift from the tree unnoticed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

function tableRows(): string[] {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split(/^## Where things live$/m)[1]?.split(/^## /m)[0] ?? "";
  return section.split("\n").filter((line) => line.startsWith("| `"));
}

/** The paths a row names in its first column, up to any `<placeholder>` part. */
function pathsOf(row: string): string[] {
  const firstCell = row.split("|")[1] ?? "";
  return [...firstCell.matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? "").replace(/<.*$/, ""));
}

describe("README 'Where things live'", () => {
  it("has rows", () => {
    expect(tableRows().length).toBeGreaterThan(10);
  });

  it("names only paths that exist", () => {
    const missing = tableRows()
      .flatMap(pathsOf)
      .filter((p) => !fs.existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });

  it("names every module folder", () => {
    const named = new Set(tableRows().flatMap(pathsOf));
    const modules = fs
      .readdirSync(path.join(root, "app/modules"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `app/modules/${entry.name}/`);
    expect(modules.filter((m) => !named.has(m))).toEqual([]);
  });
});
