import { describe, expect, it } from "vitest";
import { sniff } from "~/modules/intake/sniff";
import { minimalDicom } from "../factories/uploads";

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("uploads are judged by what they are", () => {
  it("reads a DICOM file's meta header with a DICOM parser: the four letters DICM alone are not DICOM", () => {
    // Preamble and "DICM", then no meta header a parser can read.
    expect(sniff(bytes(new Uint8Array(128), "DICM", [2, 0, 0, 0]), "scan.dcm")).toEqual({
      ok: false,
      code: "type_not_allowed",
    });
    expect(sniff(bytes(new Uint8Array(128), "DICM", "<html><script>alert(1)</script></html>"), "IM000002")).toEqual({
      ok: false,
      code: "type_not_allowed",
    });
    // A meta header cut off in the middle.
    expect(sniff(minimalDicom().subarray(0, 150), "IM000003")).toEqual({ ok: false, code: "type_not_allowed" });
  });

  it("refuses markup or a script that calls itself text, with or without an extension", () => {
    for (const name of ["labs.txt", "results.csv", "README"]) {
      expect(sniff(bytes("<!DOCTYPE html><p>hi"), name), name).toEqual({ ok: false, code: "type_not_allowed" });
      expect(sniff(bytes("PSA 8.2\n<script src=//evil.example/x.js></script>"), name), name).toEqual({
        ok: false,
        code: "type_not_allowed",
      });
      expect(sniff(bytes("<svg onload=alert(1)>"), name), name).toEqual({ ok: false, code: "type_not_allowed" });
      expect(sniff(bytes("#!/bin/sh\nrm -rf ~\n"), name), name).toEqual({ ok: false, code: "type_not_allowed" });
    }
    // Laboratory values with comparison signs stay text.
    expect(sniff(bytes("AFP <5 ng/mL\nCEA < 2.5\nCA19-9 >1000\n"), "labs.txt")).toEqual({
      ok: true,
      mediaType: "text/plain",
    });
  });
});
