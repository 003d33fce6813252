import { describe, expect, it } from "vitest";
import { withoutInvisibleControls } from "./names";

describe("names without invisible controls", () => {
  it("drops NUL and bidirectional overrides, and keeps every script's letters", () => {
    expect(withoutInvisibleControls("Kim\u0000 Minjun")).toBe("Kim Minjun");
    expect(withoutInvisibleControls("photo\u202Egpj.exe")).toBe("photogpj.exe");
    expect(withoutInvisibleControls("\u2066박\u2069지훈\u200F")).toBe("박지훈");
    expect(withoutInvisibleControls("田中 健一 · O'Brien-Smith · 이수진")).toBe("田中 健一 · O'Brien-Smith · 이수진");
  });
});
