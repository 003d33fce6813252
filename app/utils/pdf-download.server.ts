import { contentDisposition } from "./content-disposition";

/**
 * A generated PDF (a decision letter, conference minutes) as a download. RFC 6266: a plain ASCII name for old
 * clients, the UTF-8 name for the rest. Patient data: never kept by a browser or a proxy.
 */
export function pdfDownload(pdf: Buffer, names: { ascii: string; utf8: string }): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": contentDisposition(names.utf8, names.ascii),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
