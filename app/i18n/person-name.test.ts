import { describe, expect, it } from "vitest";
import { personName } from "./person-name";

describe("personName: by the script of the name, not the interface language", () => {
  it("writes Hangul and kanji/kana names family first with no space", () => {
    const names = [
      ["한", "미숙"],
      ["田中", "健一"],
      ["タナカ", "ハナコ"],
      ["佐々木", "ゆう"],
    ] as const;
    for (const [family, given] of names) expect(personName(family, given)).toBe(`${family}${given}`);
  });

  it("writes Latin names family first with a space, as the portal does", () => {
    expect(personName("KIM", "Minjun")).toBe("KIM Minjun");
    expect(personName("Smith", "Anna")).toBe("Smith Anna");
    // Mixed scripts are not run together.
    expect(personName("Lee", "수진")).toBe("Lee 수진");
  });

  it("copes with a missing part", () => {
    expect(personName("김", null)).toBe("김");
    expect(personName(undefined, "Anna")).toBe("Anna");
    expect(personName("", "")).toBe("");
  });
});
