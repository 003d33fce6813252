// The decision letter as a PDF with its fonts embedded, so it prints the same on any machine in Korean, Japanese or
// English. Debian's Noto Sans CJK collection holds every script the portal speaks; pdfkit picks a face of the
// collection by its PostScript name and embeds only the glyphs used (a subset).
import fs from "node:fs";
import PDFDocument from "pdfkit";
import { intlLocale, type Language } from "~/i18n/config";
import type { LetterContent } from "./compose-letter";

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

const INK = "#0b0c0c";
const MUTED = "#505a5f";

/** Renders composed letter content to PDF bytes (A4, 2 cm margins). */
export async function renderLetterPdf(content: LetterContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 57,
    // No standard font: every glyph comes from the embedded CJK face (Helvetica has no Hangul or kana).
    font: null as unknown as string,
    lang: intlLocale[content.lang],
    displayTitle: true,
    info: { Title: content.title, Author: content.letterhead, Subject: content.title },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const face = faces[content.lang];
  doc.registerFont("regular", fontFile(REGULAR), face.regular);
  doc.registerFont("bold", fontFile(BOLD), face.bold);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(value, { width, lineGap: 2, ...options });

  doc.fillColor(INK).font("bold").fontSize(15);
  text(content.letterhead);
  doc.font("regular").fontSize(10).fillColor(MUTED);
  text(content.department);
  doc.moveDown(0.5);
  doc.fillColor(INK);
  text(content.date, { align: "right" });
  doc.moveDown(0.5);
  doc.fontSize(11);
  for (const line of content.recipient) text(line);
  doc.moveDown(1);
  doc.font("bold").fontSize(13);
  text(content.title, { align: "center" });
  doc.moveDown(0.6);
  doc.font("regular").fontSize(10.5);
  for (const fact of content.facts) text(fact.line);
  doc.moveDown(0.8);
  doc.fontSize(11);
  text(content.salutation);
  doc.moveDown(0.3);
  text(content.opening);
  for (const section of content.sections) {
    doc.moveDown(0.8);
    doc.font("bold").fontSize(11.5);
    text(section.heading);
    doc.font("regular").fontSize(11);
    for (const paragraph of section.paragraphs) {
      doc.moveDown(0.25);
      if (paragraph.label) {
        doc.fillColor(MUTED);
        text(paragraph.label);
        doc.fillColor(INK);
      }
      if (paragraph.quoted) {
        // The team's own words, set in from the margin like a quotation.
        doc.text(paragraph.text, doc.page.margins.left + 18, doc.y, { width: width - 18, lineGap: 2 });
        doc.x = doc.page.margins.left;
      } else {
        text(paragraph.text);
      }
    }
  }
  doc.moveDown(1.2);
  text(content.closing);
  doc.moveDown(0.5);
  for (const line of content.signature) text(line);
  doc.moveDown(1.5);
  doc.fontSize(8.5).fillColor(MUTED);
  text(content.footer);
  doc.end();
  return done;
}
