/** Small, valid files of the kinds a referral carries, built in memory. */
export function minimalPdf(): Uint8Array {
  const body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  return new TextEncoder().encode(body);
}

/** A DICOM Part 10 file: 128-byte preamble, "DICM", then a few bytes of a data set. */
export function minimalDicom(): Uint8Array {
  const out = new Uint8Array(128 + 4 + 12);
  out.set(new TextEncoder().encode("DICM"), 128);
  out.set([0x02, 0x00, 0x00, 0x00, 0x55, 0x4c, 0x04, 0x00, 0x04, 0x00, 0x00, 0x00], 132);
  return out;
}

const TOKEN = "t".repeat(43);

export type UploadFile = { name: string; content: Uint8Array | string };

/**
 * A multipart upload as a browser sends it: without JavaScript the CSRF token is the first part ("first"); the
 * page's script sends it in the X-CSRF-Token header ("header").
 */
export function uploadRequest(url: string, files: UploadFile[], options: { cookie: string; csrf?: "first" | "header" | "none" | "wrong"; kind?: string }) {
  const form = new FormData();
  const csrf = options.csrf ?? "first";
  if (csrf === "first") form.append("_csrf", TOKEN);
  if (csrf === "wrong") form.append("_csrf", "x".repeat(43));
  form.append("intent", "upload");
  form.append("kind", options.kind ?? "referral_letter");
  for (const file of files) form.append("files", new File([file.content as BlobPart], file.name));
  const headers: Record<string, string> = { Cookie: `kq_csrf=${TOKEN}; ${options.cookie}`, Origin: "http://localhost", Host: "localhost" };
  if (csrf === "header") headers["X-CSRF-Token"] = TOKEN;
  return new Request(`http://localhost${url}`, { method: "POST", headers, body: form });
}
