import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  normalizeReferenceCode,
  REFERENCE_CODE_PATTERN,
  referenceCodeFrom,
  referenceCodePrefix,
} from "./reference-code";

const bytes = fc.uint8Array({ minLength: 14, maxLength: 14 });

describe("reference codes", () => {
  it("look like KQ-XXXXX-XXXXX-XXXXX and read back as themselves", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = referenceCodeFrom(b);
        expect(code).toMatch(REFERENCE_CODE_PATTERN);
        expect(normalizeReferenceCode(code)).toBe(code);
      }),
    );
  });

  it("accept what a patient types: lower case, spaces, full-width, no prefix, O for 0", () => {
    const code = referenceCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]));
    const bare = code.replace(/^KQ-/, "").replace(/-/g, "");
    expect(normalizeReferenceCode(code.toLowerCase())).toBe(code);
    expect(normalizeReferenceCode(` ${bare.slice(0, 5)} ${bare.slice(5)} `)).toBe(code);
    const fullWidth = [...code].map((c) => String.fromCharCode(c === "-" ? 0xff0d : c.charCodeAt(0) + 0xfee0)).join("");
    expect(normalizeReferenceCode(fullWidth)).toBe(code);
    expect(normalizeReferenceCode(code.replace(/0/g, "O"))).toBe(code);
  });

  it("rejects every single mistyped symbol", () => {
    fc.assert(
      fc.property(bytes, fc.nat(13), fc.nat(31), (b, position, symbol) => {
        const code = referenceCodeFrom(b);
        const bare = code.replace(/^KQ-/, "").replace(/-/g, "");
        const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        const replacement = alphabet[symbol]!;
        fc.pre(replacement !== bare[position]);
        const typo = bare.slice(0, position) + replacement + bare.slice(position + 1);
        expect(normalizeReferenceCode(typo)).toBeNull();
      }),
    );
  });

  it("rejects wrong lengths and foreign characters", () => {
    expect(normalizeReferenceCode("KQ-12345")).toBeNull();
    expect(normalizeReferenceCode("가나다")).toBeNull();
    expect(normalizeReferenceCode("")).toBeNull();
  });
});

describe("partial reference codes", () => {
  it("read the first symbols however they are typed, as a canonical prefix", () => {
    expect(referenceCodePrefix("6fpxe")).toEqual({ prefix: "KQ-6FPXE", explicit: false });
    expect(referenceCodePrefix("kq-6fpxe-aa")).toEqual({ prefix: "KQ-6FPXE-AA", explicit: true });
    expect(referenceCodePrefix("ＫＱ６ＦＰＸＥ　ＡＡ０２")).toEqual({ prefix: "KQ-6FPXE-AA02", explicit: true });
    expect(referenceCodePrefix("6FPXE AAO2T RA3")).toEqual({ prefix: "KQ-6FPXE-AA02T-RA3", explicit: false });
    expect(referenceCodePrefix("KQ-6FPXE-AA02T-RA389")).toEqual({ prefix: "KQ-6FPXE-AA02T-RA389", explicit: true });
  });

  it("are nothing with fewer than five symbols, a foreign symbol, or too many", () => {
    for (const text of ["6FPX", "KQ-6FP", "김민준님", "6FPXU", "6FPXE-AA02T-RA389-1", ""])
      expect(referenceCodePrefix(text), text).toBeNull();
  });
});
