import { describe, expect, it } from "vitest";
import { checklistFor, missingDocuments } from "./checklist";
import { minimalDicom } from "../../../tests/factories/uploads";
import { sniff } from "./sniff";

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
const dicom = minimalDicom();

describe("content sniffing", () => {
  it("tells the type from the content and accepts the allow-list", () => {
    expect(sniff(bytes("%PDF-1.4\n"), "letter.pdf")).toEqual({ ok: true, mediaType: "application/pdf" });
    expect(sniff(dicom, "IM000001")).toEqual({ ok: true, mediaType: "application/dicom" });
    expect(sniff(dicom, "1.2.840.113619.2.55.3.4")).toEqual({ ok: true, mediaType: "application/dicom" });
    expect(sniff(dicom, "scan.dcm")).toEqual({ ok: true, mediaType: "application/dicom" });
    expect(sniff(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "photo.png")).toEqual({
      ok: true,
      mediaType: "image/png",
    });
    expect(sniff(bytes([0xff, 0xd8, 0xff, 0xe0]), "photo.JPG")).toEqual({ ok: true, mediaType: "image/jpeg" });
    expect(sniff(bytes("PK", [3, 4]), "study.zip")).toEqual({ ok: true, mediaType: "application/zip" });
    expect(sniff(bytes("date,psa\n2026-10-01,8.2\n"), "psa.csv")).toEqual({ ok: true, mediaType: "text/csv" });
    expect(sniff(bytes("검사 결과: 정상\r\n"), "labs.txt")).toEqual({ ok: true, mediaType: "text/plain" });
  });

  it("refuses a file whose content contradicts its name, and what is not on the list", () => {
    expect(sniff(bytes("this is not a PDF at all\n"), "report.pdf")).toEqual({ ok: false, code: "name_mismatch" });
    expect(sniff(bytes("%PDF-1.4"), "image.png")).toEqual({ ok: false, code: "name_mismatch" });
    expect(sniff(bytes("MZ", [0x90, 0, 3, 0]), "setup.exe")).toEqual({ ok: false, code: "type_not_allowed" });
    expect(sniff(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "letter.doc")).toEqual({
      ok: false,
      code: "type_not_allowed",
    });
    expect(sniff(bytes("<html><script>alert(1)</script>"), "page.html")).toEqual({
      ok: false,
      code: "type_not_allowed",
    });
    expect(sniff(new Uint8Array(), "empty.pdf")).toEqual({ ok: false, code: "empty" });
  });
});

describe("the documents checklist", () => {
  it("asks for what every referral needs plus the indication's own documents", () => {
    const prostate = checklistFor("prostate", []);
    expect(prostate.map((l) => l.id)).toEqual([
      "referral_letter",
      "imaging",
      "pathology_report",
      "lab_results",
      "pathology_slides",
      "psa_history",
      "surgery_report",
    ]);
    const hcc = checklistFor("hcc", ["referral_letter", "dicom"]);
    expect(hcc.filter((l) => l.provided).map((l) => l.id)).toEqual(["referral_letter", "imaging"]);
    expect(missingDocuments(hcc).map((l) => l.id)).toEqual([
      "pathology_report",
      "lab_results",
      "liver_function",
      "tumour_markers",
    ]);
  });
});
