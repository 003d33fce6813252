import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { pathsRead, indicationsAsking, isPathAsked } from "./field-applicability";
import { excludedPaths, fieldCatalogue } from "./field-catalogue";
import { gleasonSum, isupGradeGroup } from "./gleason";
import { caseSchema } from "./schema";

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
};
const def = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema's leaves as dotted paths; a list is a leaf, its items' fields are `list[].key`. */
function leaves(schema: z.ZodType, prefix = ""): string[] {
  const d = def(schema);
  if (d.type === "optional" || d.type === "nullable") return leaves(d.innerType!, prefix);
  if (d.type === "pipe") return leaves(d.in!, prefix);
  if (d.type === "object")
    return Object.entries(d.shape!).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  if (d.type === "array") {
    const item = def(d.element!);
    return item.type === "object" ? [prefix, ...Object.keys(item.shape!).map((key) => `${prefix}[].${key}`)] : [prefix];
  }
  return [prefix];
}

describe("the field catalogue", () => {
  const schemaLeaves = leaves(caseSchema);
  const catalogued = fieldCatalogue.flatMap((field) => [
    field.path,
    ...(field.kind.type === "list" ? field.kind.item.map((item) => `${field.path}[].${item.key}`) : []),
  ]);

  it("names only paths the case schema has", () => {
    expect(catalogued.filter((path) => !schemaLeaves.includes(path))).toEqual([]);
  });

  it("names every leaf of the case schema, or leaves it out on purpose", () => {
    const missing = schemaLeaves.filter(
      (path) => !catalogued.includes(path) && !excludedPaths.some((x) => path === x || path.startsWith(`${x}[]`)),
    );
    expect(missing).toEqual([]);
  });

  it("lists each field once", () => {
    expect(new Set(catalogued).size).toBe(catalogued.length);
  });
});

describe("which questions apply (read from the rule set)", () => {
  const today = "2026-12-06";
  it("asks pregnancy only of a patient who could be pregnant", () => {
    expect(isPathAsked("clinical.pregnant", { indication: "lung", sex: "male" }, today)).toBe(false);
    expect(
      isPathAsked("clinical.pregnant", { indication: "lung", sex: "female", birthDate: "1950-01-01" }, today),
    ).toBe(false);
    expect(
      isPathAsked("clinical.pregnant", { indication: "lung", sex: "female", birthDate: "1990-01-01" }, today),
    ).toBe(true);
    expect(isPathAsked("clinical.pregnant", { indication: "prostate" }, today)).toBe(false);
  });

  it("asks the diameter except for prostate, and liver values for the liver only", () => {
    expect(isPathAsked("diagnosis.maxDiameterMm", { indication: "prostate" }, today)).toBe(false);
    expect(isPathAsked("diagnosis.maxDiameterMm", { indication: "lung" }, today)).toBe(true);
    expect(indicationsAsking("diagnosis.labs.bilirubinMgDl", today)).toEqual(["hcc", "icc"]);
    expect(
      isPathAsked(
        "diagnosis.labs.albuminGDl",
        { indication: "metastasis", metastases: [{ organ: "liver", lesions: 2 }] },
        today,
      ),
    ).toBe(true);
    expect(
      isPathAsked(
        "diagnosis.labs.albuminGDl",
        { indication: "metastasis", metastases: [{ organ: "lung", lesions: 2 }] },
        today,
      ),
    ).toBe(false);
    expect(indicationsAsking("diagnosis.gleasonPrimary", today)).toEqual(["prostate"]);
  });

  it("reads nothing without an indication", () => {
    expect(pathsRead({}, today).size).toBe(0);
  });
});

describe("Gleason patterns and the ISUP grade group", () => {
  it.each([
    [3, 3, 1],
    [3, 4, 2],
    [4, 3, 3],
    [4, 4, 4],
    [3, 5, 4],
    [5, 3, 4],
    [4, 5, 5],
    [5, 4, 5],
    [5, 5, 5],
  ])("%i + %i is grade group %i", (primary, secondary, group) => {
    expect(isupGradeGroup(primary, secondary)).toBe(group);
    expect(gleasonSum(primary, secondary)).toBe(primary + secondary);
  });

  it("has no grade group for a pattern out of range", () => {
    expect(isupGradeGroup(6, 3)).toBeNull();
    expect(isupGradeGroup(3.5, 3)).toBeNull();
  });
});
