import { describe, expect, it } from "vitest";
import { nationalIdsIn, rrnPathsIn } from "./rrn";

describe("rrnPathsIn", () => {
  it("finds a resident registration number in any string of a case, named or not, and in keys", () => {
    const body = {
      patient: {
        familyName: "김",
        referringHospitalId: "800101-1234567",
        notes: ["fine", "주민번호 ８００１０１－２２３４５６７"],
      },
      diagnosis: { stage: "IIA" },
      "9912315234567": true,
    };
    expect(rrnPathsIn(body).sort()).toEqual(["9912315234567", "patient.notes.1", "patient.referringHospitalId"]);
  });

  it("finds a My Number with a valid check digit and says which kind it found", () => {
    const body = { patient: { referringHospitalId: "1234 5678 9018", familyName: "김", otherId: "123456789012" } };
    expect(nationalIdsIn(body)).toEqual([{ path: "patient.referringHospitalId", kind: "myNumber" }]);
    expect(nationalIdsIn({ a: "800101-1234567" })).toEqual([{ path: "a", kind: "rrn" }]);
  });

  it("leaves checksums, phone numbers, dates and record numbers alone", () => {
    const body = {
      patient: { phone: "+821012345678", birthDate: "1980-01-01", referringHospitalId: "CNUH-2026-0012345" },
      attachments: [{ sha256: "a8001011234567b".padEnd(64, "0"), fileName: "letter.pdf" }],
    };
    expect(rrnPathsIn(body)).toEqual([]);
  });
});
