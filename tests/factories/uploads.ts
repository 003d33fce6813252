/** Small, valid files of the kinds a referral carries, built in memory. */
export function minimalPdf(): Uint8Array {
  const body =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  return new TextEncoder().encode(body);
}

/** One explicit-VR little-endian element of a DICOM file meta header (short form: 2-byte length). */
function metaElement(element: number, vr: string, value: Uint8Array): Uint8Array {
  const padded = value.length % 2 ? Uint8Array.from([...value, 0]) : value;
  const out = new Uint8Array(8 + padded.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0x0002, true);
  view.setUint16(2, element, true);
  out.set(new TextEncoder().encode(vr), 4);
  if (vr === "OB") {
    // OB has two reserved bytes, then a 4-byte length.
    const long = new Uint8Array(12 + padded.length);
    long.set(out.subarray(0, 6));
    new DataView(long.buffer).setUint32(8, padded.length, true);
    long.set(padded, 12);
    return long;
  }
  view.setUint16(6, padded.length, true);
  out.set(padded, 8);
  return out;
}

/**
 * A DICOM Part 10 file: 128-byte preamble, "DICM", a file meta header (CT Image Storage, explicit VR little endian)
 * that a DICOM parser reads, then one data element (Modality = CT).
 */
export function minimalDicom(): Uint8Array {
  const uid = (text: string) => new TextEncoder().encode(text);
  const rest = [
    metaElement(0x0001, "OB", Uint8Array.from([0, 1])),
    metaElement(0x0002, "UI", uid("1.2.840.10008.5.1.4.1.1.2")),
    metaElement(0x0003, "UI", uid("1.2.826.0.1.3680043.10.543.1")),
    metaElement(0x0010, "UI", uid("1.2.840.10008.1.2.1")),
  ];
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(
    0,
    rest.reduce((n, part) => n + part.length, 0),
    true,
  );
  const modality = Uint8Array.from([0x08, 0x00, 0x60, 0x00, 0x43, 0x53, 0x02, 0x00, 0x43, 0x54]);
  const parts = [new Uint8Array(128), uid("DICM"), metaElement(0x0000, "UL", groupLength), ...rest, modality];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const TOKEN = "t".repeat(43);

export type UploadFile = { name: string; content: Uint8Array | string };

/**
 * A multipart upload as a browser sends it: without JavaScript the CSRF token is the first part ("first"); the
 * page's script sends it in the X-CSRF-Token header ("header").
 */
export function uploadRequest(
  url: string,
  files: UploadFile[],
  options: { cookie: string; csrf?: "first" | "header" | "none" | "wrong"; kind?: string },
) {
  const form = new FormData();
  const csrf = options.csrf ?? "first";
  if (csrf === "first") form.append("_csrf", TOKEN);
  if (csrf === "wrong") form.append("_csrf", "x".repeat(43));
  form.append("intent", "upload");
  form.append("kind", options.kind ?? "referral_letter");
  for (const file of files) form.append("files", new File([file.content as BlobPart], file.name));
  const headers: Record<string, string> = {
    Cookie: `kq_csrf=${TOKEN}; ${options.cookie}`,
    Origin: "http://localhost",
    Host: "localhost",
  };
  if (csrf === "header") headers["X-CSRF-Token"] = TOKEN;
  return new Request(`http://localhost${url}`, { method: "POST", headers, body: form });
}
