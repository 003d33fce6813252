import { describe, expect, it } from "vitest";
import { parseM, parseN, parseStage, parseT, positionFromTnm, stagePosition } from "./staging";

describe("stage groups", () => {
  it.each([
    ["IA2", { group: 1, letter: 1 }],
    ["IIA", { group: 2, letter: 1 }],
    ["Stage IIIC1", { group: 3, letter: 3 }],
    ["FIGO IVA", { group: 4, letter: 1 }],
    ["iv", { group: 4, letter: null }],
    ["0", { group: 0, letter: null }],
  ])("reads %s", (text, expected) => expect(parseStage(text)).toEqual(expected));

  it.each(["", "V", "IIE", "stage two", "T2N0"])("rejects %j", (text) => expect(parseStage(text)).toBeNull());

  it.each([
    ["IB3", "II", "IVA", "outside"],
    ["IIA", "II", "IVA", "inside"],
    ["IVA", "II", "IVA", "inside"],
    ["IVB", "II", "IVA", "outside"],
    ["IV", "II", "IVA", "ambiguous"],
    ["III", "II", "IVA", "inside"],
    ["I", "I", "IIA", "inside"],
    ["II", "I", "IIA", "ambiguous"],
    ["IIB", "I", "IIA", "outside"],
    ["0", "I", "IIA", "outside"],
    ["IB", "I", "I", "inside"],
  ])("%s within %s–%s is %s", (stage, from, to, expected) => {
    expect(stagePosition(parseStage(stage)!, from, to)).toBe(expected);
  });
});

describe("TNM categories", () => {
  it("reads prefixes, letters and X", () => {
    expect(parseT("cT2a")).toEqual({ kind: "number", number: 2, letter: "a" });
    expect(parseT("Tis")).toMatchObject({ kind: "is" });
    expect(parseT("T1mi")).toMatchObject({ kind: "number", number: 1 });
    expect(parseT("TX")).toMatchObject({ kind: "x" });
    expect(parseN("pN0")).toEqual({ kind: "number", number: 0 });
    expect(parseN("N2b")).toEqual({ kind: "number", number: 2 });
    expect(parseM("M1c")).toEqual({ kind: "number", number: 1 });
    expect(parseM("cM0")).toEqual({ kind: "number", number: 0 });
    expect(parseT("bogus")).toBeNull();
  });

  it("derives lung stage I–IIA only from T1–2 N0 M0", () => {
    expect(positionFromTnm("lung", { t: "T2b", n: "N0", m: "M0" })).toBe("inside");
    expect(positionFromTnm("lung", { t: "T1c", n: "N1", m: "M0" })).toBe("outside");
    expect(positionFromTnm("lung", { t: "T4", n: "N0" })).toBe("outside");
    expect(positionFromTnm("lung", { t: "T1", n: "N0" })).toBeNull();
  });

  it("derives oesophageal stage I from T1 N0 M0 and leaves T1 N1 open", () => {
    expect(positionFromTnm("esophagus", { t: "T1a", n: "N0", m: "M0" })).toBe("inside");
    expect(positionFromTnm("esophagus", { t: "T1b", n: "N1", m: "M0" })).toBeNull();
    expect(positionFromTnm("esophagus", { t: "T2", n: "N0", m: "M0" })).toBe("outside");
    expect(positionFromTnm("esophagus", { t: "Tis", n: "N0", m: "M0" })).toBe("outside");
  });
});
