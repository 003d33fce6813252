// The decision letter as a PDF with its fonts embedded (app/utils/pdf-document.server.ts).
import { cjkDocument, INK, MUTED } from "~/utils/pdf-document.server";
import type { LetterContent } from "./compose-letter";

/** Renders composed letter content to PDF bytes (A4, 2 cm margins). */
export async function renderLetterPdf(content: LetterContent): Promise<Buffer> {
  const {
    doc,
    bytes: done,
    text,
    width,
  } = cjkDocument(content.lang, { title: content.title, author: content.letterhead });

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
