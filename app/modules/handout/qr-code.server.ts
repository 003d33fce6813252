// A QR code as data for an inline SVG: the page draws it itself, so it prints without JavaScript, images or requests.
import QRCode from "qrcode";

/** Dark modules of a QR code: `size` × `size`, row by row. */
export type QrMatrix = { size: number; dark: (x: number, y: number) => boolean };

/**
 * The QR matrix for `text`. Error correction M (15 % of the symbol may be lost: a fold or a smudge on paper) is
 * the usual choice for a printed URL; it keeps the symbol small enough to scan from a phone at arm's length.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return { size: modules.size, dark: (x, y) => Boolean(modules.get(y, x)) };
}

/** The quiet zone the standard asks for around a QR code, in modules (ISO/IEC 18004: 4). */
export const QR_QUIET_ZONE = 4;

/**
 * One SVG path for all dark modules (`M x y h1 v1 h-1 z` per module) and the viewBox including the quiet zone.
 * Whole modules on integer coordinates with `shape-rendering="crispEdges"` keep the edges sharp at any print size.
 */
export function qrSvgPath(text: string): { viewBox: string; path: string; size: number } {
  const matrix = qrMatrix(text);
  const parts: string[] = [];
  for (let y = 0; y < matrix.size; y++) {
    for (let x = 0; x < matrix.size; x++) {
      if (matrix.dark(x, y)) parts.push(`M${x + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h1v1h-1z`);
    }
  }
  const total = matrix.size + 2 * QR_QUIET_ZONE;
  return { viewBox: `0 0 ${total} ${total}`, path: parts.join(""), size: total };
}
