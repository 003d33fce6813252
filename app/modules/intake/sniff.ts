// What a file really is, told from its first bytes (never from its name or the browser's word for it), and whether
// the portal accepts it. The allow-list is what a referral carries: letters and reports as PDF, images as DICOM (or a
// ZIP of a DICOM study, as CD exports come), photographs and scans as PNG or JPEG, laboratory results as text or CSV.
// Pure: bytes in, a verdict out.

import dicomParser from "dicom-parser";

export const allowedMediaTypes = [
  "application/pdf",
  "application/dicom",
  "application/zip",
  "image/png",
  "image/jpeg",
  "text/plain",
  "text/csv",
] as const;
export type AllowedMediaType = (typeof allowedMediaTypes)[number];

/** How many leading bytes the sniffer reads: enough for DICOM's preamble and for judging text. */
export const SNIFF_BYTES = 8192;

export type SniffResult =
  { ok: true; mediaType: AllowedMediaType } | { ok: false; code: "type_not_allowed" | "name_mismatch" | "empty" };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The media type the content shows, or null when it is nothing the portal accepts. */
export function contentType(head: Uint8Array): Exclude<AllowedMediaType, "text/csv"> | null {
  if (startsWith(head, ascii("%PDF-"))) return "application/pdf";
  if (isDicomPart10(head)) return "application/dicom";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "application/zip";
  if (isText(head) && !looksLikeMarkupOrScript(head)) return "text/plain";
  return null;
}

/**
 * DICOM Part 10: a 128-byte preamble, "DICM", then a file meta header that a maintained parser (dicom-parser) reads
 * whole, naming what the file stores (SOP class) and how (transfer syntax). "DICM" alone is four bytes anyone can
 * write in front of anything.
 */
function isDicomPart10(head: Uint8Array): boolean {
  if (head.length < 132 || !startsWith(head, ascii("DICM"), 128)) return false;
  try {
    const meta = dicomParser.readPart10Header(head);
    const uid = /^[0-9]+(\.[0-9]+)+$/;
    return uid.test(meta.string("x00020002") ?? "") && uid.test(meta.string("x00020010") ?? "");
  } catch {
    return false;
  }
}

// Markup or a script a browser or shell would run, in what claims to be plain text: refused whatever its name, so no
// page can be smuggled in as "labs.txt" or a file without an extension. Lab values such as "<0.01" do not match.
const markupOrScript =
  /<\s*(script|html|head|body|iframe|frame|svg|object|embed|meta|style|form|link|img|math|template)\b|<!doctype|<\?xml|javascript\s*:|^\s*#!/i;

function looksLikeMarkupOrScript(head: Uint8Array): boolean {
  return markupOrScript.test(new TextDecoder("latin1").decode(head));
}

/**
 * Text: no NUL and no control character other than tab, line breaks, form feed and escape (ISO-2022-JP). Bytes
 * above 0x7F pass, so UTF-8, CP949 (EUC-KR) and Shift_JIS exports from laboratory systems are all accepted.
 */
function isText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  for (const byte of head) {
    if (byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x1b) continue;
    if (byte < 0x20 || byte === 0x7f) return false;
  }
  return true;
}

// What each known file name ending must contain. A name the list does not know is accepted only for DICOM, whose
// files are often named by their UIDs ("1.2.840.113619...") or have no extension at all.
const byExtension: Record<string, AllowedMediaType[]> = {
  pdf: ["application/pdf"],
  dcm: ["application/dicom"],
  dicom: ["application/dicom"],
  png: ["image/png"],
  jpg: ["image/jpeg"],
  jpeg: ["image/jpeg"],
  zip: ["application/zip"],
  txt: ["text/plain"],
  text: ["text/plain"],
  csv: ["text/plain"],
  tsv: ["text/plain"],
};

function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : "";
}

/** The verdict on a file: its media type by content, refused when the content is not allowed or contradicts its name. */
export function sniff(head: Uint8Array, fileName: string): SniffResult {
  if (head.length === 0) return { ok: false, code: "empty" };
  const found = contentType(head);
  if (!found) return { ok: false, code: "type_not_allowed" };
  const extension = extensionOf(fileName);
  const expected = byExtension[extension];
  if (expected) {
    if (!expected.includes(found)) return { ok: false, code: "name_mismatch" };
  } else if (found !== "application/dicom" && extension !== "") {
    return { ok: false, code: "type_not_allowed" };
  }
  if (found === "text/plain" && (extension === "csv" || extension === "tsv"))
    return { ok: true, mediaType: "text/csv" };
  return { ok: true, mediaType: found };
}
