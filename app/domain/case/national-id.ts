// NOTE: privacy.md rule 1 and PIPA Art. 24-2 (https://prighter.com/resources/laws/korean-pipa/main/articles/article-24-2):
// the portal never collects a Korean resident registration number (주민등록번호), not even by accident in free text.
// An RRN is YYMMDD-NNNNNNN: a birth date, then seven digits whose first (1–8) gives sex and century
// (1–4 for citizens, 5–8 for registered foreigners). Since October 2020 the last six digits are random, so a
// check digit cannot be relied on: the date and the shape are what give it away. Pure: no I/O.

// Any dash a keyboard or an IME produces: hyphen-minus, hyphen, non-breaking hyphen, figure dash, en and em dash,
// horizontal bar, minus sign, katakana-hiragana prolonged sound mark, full-width hyphen-minus (after NFKC it is "-").
const dashes = "\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\u30FC\\uFF0D";
const datePart = "\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])";

// With a separator the shape alone is enough (any seventh digit); without one, thirteen digits in a row are only
// taken for an RRN when the seventh digit is a real sex/century digit, to spare long record numbers.
const withSeparator = new RegExp(`(?<!\\d)${datePart}\\s*[${dashes}]\\s*\\d{7}(?!\\d)`, "u");
const withoutSeparator = new RegExp(`(?<!\\d)${datePart}[1-8]\\d{6}(?!\\d)`, "u");
// Digits split by spaces or dots, as in "800101 1234567".
const spaced = new RegExp(`(?<!\\d)${datePart}[\\s.·]+[1-8]\\d{6}(?!\\d)`, "u");

/** Whether a text contains something shaped like a Korean resident registration number (full-width digits too). */
export function looksLikeRrn(text: string): boolean {
  if (!text) return false;
  // NFKC turns full-width digits (０-９) and the full-width hyphen into their ASCII forms.
  const normalised = text.normalize("NFKC");
  return withSeparator.test(normalised) || withoutSeparator.test(normalised) || spaced.test(normalised);
}

/** The translation key that explains the refusal (in the "intake" namespace). */
export const rrnRefusedKey = "intake:validation.rrn";
