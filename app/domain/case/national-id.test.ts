import { describe, expect, it } from "vitest";
import { looksLikeRrn } from "./national-id";

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
