import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import en from "../locales/en/screen.json";
import { screenCaseSchema } from "../app/domain/case/schema";
import { defaultSiteConfigs, screen, toDecisionJson } from "../app/domain/screen";
import { exampleCase, exampleCases } from "../tests/factories/example-cases";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

type Run = { code: number; stdout: string; stderr: string };

function run(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(tsx, ["bin/screen.ts", ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
    else child.stdin?.end();
  });
}

const examples = exampleCases().map((c) => c.name);

function expectedDecision(name: string) {
  const { case: input, expected } = exampleCase(name);
  return {
    input,
    expected,
    decision: toDecisionJson(screen(screenCaseSchema.parse(input), { sites: defaultSiteConfigs, openQueue: {} })),
  };
}

function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "screen-cli-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

// Each test starts a tsx process; on a busy 2-core machine that can take longer than the default 20 s.
describe("bin/screen.ts", { timeout: 60_000 }, () => {
  it("has example cases to run", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  // The example file itself ({ case, expected }) is screened by its case.
  it.concurrent.each(examples)(
    "%s as a file prints the same decision as screen(), with the expected answer, and exits 0",
    async (name) => {
      const { input, expected, decision } = expectedDecision(name);
      const result = await run(["--", tempFile(`${name}.json`, JSON.stringify({ case: input, expected }))]);
      expect(result.code).toBe(0);
      const printed = JSON.parse(result.stdout) as typeof decision;
      expect(printed).toEqual(decision);
      expect(printed.outcome).toBe(expected.outcome);
      if (expected.coverage !== undefined) expect(printed.coverage).toBe(expected.coverage);
      if (expected.site !== undefined) expect(printed.route.site).toBe(expected.site);
    },
  );

  // Standard input is the same door as a file: two examples are enough (each run starts a process).
  it.concurrent.each(examples.slice(0, 2))("%s on standard input prints the same decision", async (file) => {
    const { input, decision } = expectedDecision(file);
    const result = await run(["-"], JSON.stringify(input));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(decision);
  });

  it("a bare case in a file prints its decision", async () => {
    const file = examples[0] as string;
    const { input, decision } = expectedDecision(file);
    const result = await run([tempFile("case.json", JSON.stringify(input))]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(decision);
  });

  it("an invalid case exits 2 with each issue's path and English message", async () => {
    const result = await run(
      ["-"],
      JSON.stringify({
        diagnosis: { indication: "hcc", maxDiameterMm: -3 },
        referredOn: "2026-02-30",
        clinical: { ecog: 9 },
      }),
    );
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      error: "invalid_case",
      message: en.errors.invalidCase,
      issues: [
        { path: "diagnosis.maxDiameterMm", message: "Enter a value of at least 0." },
        { path: "clinical.ecog", message: "Enter a value of at most 4." },
        { path: "referredOn", message: en.validation.invalidDate },
      ],
    });
  });

  it("a case without an indication is invalid", async () => {
    const result = await run(["-"], JSON.stringify({ referredOn: "2026-11-20" }));
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: "invalid_case",
      issues: [{ path: "diagnosis", message: en.validation.required }],
    });
  });

  it("invalid JSON exits 2 with a clear error", async () => {
    const result = await run(["-"], "{ not json");
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: "invalid_json",
      message: expect.stringContaining("not valid JSON"),
    });
  });

  it("an unreadable file exits 2 with a clear error", async () => {
    const result = await run([path.join(os.tmpdir(), "no-such-dir", "case.json")]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: "unreadable_input",
      message: expect.stringContaining("could not be read"),
    });
  });

  it("no argument exits 2 with the usage", async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: "usage" });
  });
});
