import { describe, expect, it } from "vitest";
import { phoneProblem } from "./phone.server";

describe("phoneProblem (full metadata)", () => {
  it("refuses numbers the small metadata lets through, with an example of the country", () => {
    // "090-1234-567": one digit short of a Japanese mobile number, yet "valid" by the default metadata.
    expect(phoneProblem("+81901234567")).toEqual({
      country: "JP",
      example: "090-1234-5678",
      exampleE164: "+819012345678",
    });
    expect(phoneProblem("090-1234-567", "JP")).toMatchObject({ country: "JP", example: "090-1234-5678" });
    expect(phoneProblem("+8210123")).toMatchObject({ country: "KR", example: "010-2000-0000" });
  });

  it("accepts real numbers of Korea and Japan, mobile and fixed", () => {
    for (const number of ["+819012345678", "+81312345678", "+821012345678", "+8221234567"])
      expect(phoneProblem(number), number).toBeNull();
    expect(phoneProblem("010-1234-5678", "KR")).toBeNull();
  });

  it("answers text that is no number at all without throwing", () => {
    expect(phoneProblem("call me", "KR")).toMatchObject({ country: "KR" });
    expect(phoneProblem("", undefined)).toEqual({ country: null, example: null, exampleE164: null });
  });
});
