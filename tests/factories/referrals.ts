import fs from "node:fs";
import path from "node:path";
import { caseSchema, type ReferralCase } from "~/domain/case/schema";

/** The public example cases of ../shared/cases, validated as complete submissions. */
export function sharedCases(): { name: string; case: ReferralCase; expected: Record<string, unknown> }[] {
  const dir = path.resolve("../shared/cases");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { case: unknown; expected: Record<string, unknown> };
      return { name: file.slice(0, -5), case: caseSchema.parse(raw.case), expected: raw.expected };
    });
}

export function sharedCase(name: string): ReferralCase {
  const found = sharedCases().find((c) => c.name === name);
  if (!found) throw new Error(`no shared case ${name}`);
  return structuredClone(found.case);
}
