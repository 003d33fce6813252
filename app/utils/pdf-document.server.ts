// An A4 PDF with its fonts embedded, so it prints the same on any machine in Korean, Japanese or English (decision
// letters, conference minutes). Debian's Noto Sans CJK collection holds every script the portal speaks; pdfkit picks a
// face of the collection by its PostScript name and embeds only the glyphs used (a subset).
import fs from "node:fs";
import PDFDocument from "pdfkit";
import { intlLocale, type Language } from "~/i18n/config";

const REGULAR = process.env.LETTER_FONT_REGULAR ?? "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const BOLD = process.env.LETTER_FONT_BOLD ?? "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";

// Korean text takes the Korean face (its Hangul and its Han glyph shapes); Japanese and English the Japanese face.
const faces: Record<Language, { regular: string; bold: string }> = {
  ko: { regular: "NotoSansCJKkr-Regular", bold: "NotoSansCJKkr-Bold" },
  ja: { regular: "NotoSansCJKjp-Regular", bold: "NotoSansCJKjp-Bold" },
  en: { regular: "NotoSansCJKjp-Regular", bold: "NotoSansCJKjp-Bold" },
};

// The collections are ~20 MB each: read once per process, parsed by pdfkit per document.
const fontFiles = new Map<string, Buffer>();
function fontFile(path: string): Buffer {
  let file = fontFiles.get(path);
  if (!file) {
    file = fs.readFileSync(path);
    fontFiles.set(path, file);
  }
  return file;
}

export const INK = "#0b0c0c";
export const MUTED = "#505a5f";

/**
 * A new document (A4, 2 cm margins) with the fonts "regular" and "bold" of the language registered, a `text` writer
 * across the page's width, and the bytes once `doc.end()` is called.
 */
export function cjkDocument(lang: Language, info: { title: string; author: string }) {
  const doc = new PDFDocument({
    size: "A4",
    margin: 57,
    // No standard font: every glyph comes from the embedded CJK face (Helvetica has no Hangul or kana).
    font: null as unknown as string,
    lang: intlLocale[lang],
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Subject: info.title },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const face = faces[lang];
  doc.registerFont("regular", fontFile(REGULAR), face.regular);
  doc.registerFont("bold", fontFile(BOLD), face.bold);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(value, { width, lineGap: 2, ...options });
  return { doc, bytes, text, width };
}
