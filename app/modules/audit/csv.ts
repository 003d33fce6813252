// CSV for spreadsheets (RFC 4180): CRLF rows, fields quoted when needed, and a UTF-8 byte-order mark, without which
// Excel reads UTF-8 as the local code page and Korean and Japanese come out garbled.

export const UTF8_BOM = "\uFEFF";

/**
 * One field. A field a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) gets a
 * leading apostrophe (OWASP's advice on CSV injection): an audit log holds text typed by anyone, such as a name.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(fields: (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
