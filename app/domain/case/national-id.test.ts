import { describe, expect, it } from "vitest";
import { isMyNumberCheckDigitValid, looksLikeMyNumber, looksLikeRrn, nationalIdIn } from "./national-id";

describe("looksLikeRrn", () => {
  it.each([
    "800101-1234567",
    "8001011234567",
    "환자 주민번호 800101-2234567 입니다",
    "８００１０１－１２３４５６７",
    "８００１０１１２３４５６７",
    "800101 – 1234567",
    "800101ー1234567",
    "RRN:991231-5234567.",
    "800101 1234567",
  ])("refuses %s", (text) => {
    expect(looksLikeRrn(text)).toBe(true);
  });

  it.each([
    "",
    "KY-000123",
    "010-1234-5678",
    "+821012345678",
    "2026-11-20",
    "801301-1234567", // month 13 is no date
    "800132-1234567", // day 32 is no date
    "8001019234567", // thirteen digits, but 9 is no sex/century digit
    "18001011234567", // fourteen digits: a longer number, not an RRN
    "T2b N0 M0",
    "김민준",
  ])("accepts %s", (text) => {
    expect(looksLikeRrn(text)).toBe(false);
  });
});

describe("looksLikeMyNumber", () => {
  it("finds twelve digits with a valid check digit, written together, in groups of four, or full width", () => {
    for (const text of [
      "123456789018",
      "1234 5678 9018",
      "1234-5678-9018",
      "記録 ９８７６５４３２１０９３",
      "No.111111111118",
      "987654321093 です",
    ]) {
      expect(looksLikeMyNumber(text), text).toBe(true);
      expect(nationalIdIn(text), text).toBe("myNumber");
    }
  });

  it("computes the official check digit (weights 2–7 then 2–6 from the right, remainder 0 or 1 gives 0)", () => {
    expect(isMyNumberCheckDigitValid("123456789018")).toBe(true);
    expect(isMyNumberCheckDigitValid("202412030011")).toBe(true);
    for (let last = 0; last <= 9; last++)
      if (last !== 8) expect(isMyNumberCheckDigitValid(`12345678901${last}`)).toBe(false);
  });

  it("spares record numbers whose check digit is wrong, and longer or shorter digit runs", () => {
    for (const text of [
      "123456789012",
      "1234 5678 9012",
      "1234567890180",
      "23456789018",
      "MRN 00012345678",
      "+821012345678",
      "+81 9012345678",
    ]) {
      expect(looksLikeMyNumber(text), text).toBe(false);
    }
    expect(nationalIdIn("KQ-123")).toBeNull();
  });

  it("tells a resident registration number from a My Number", () => {
    expect(nationalIdIn("800101-1234567")).toBe("rrn");
  });
});
