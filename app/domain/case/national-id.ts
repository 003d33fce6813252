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

// NOTE: privacy.md rule 1 and the My Number Act (行政手続における特定の個人を識別するための番号の利用等に関する法律,
// Art. 20: no one may collect another person's individual number outside the uses the Act lists). A My Number
// (個人番号) is 12 digits, the last a check digit, often written in groups of four. Twelve digits alone would
// catch many record numbers, so only those whose check digit is right are taken for one (about one in ten).
// Check digit (総務省令 第八十五号 第五条): with P1..P11 the digits from the right before the check digit and
// Qn = n + 1 for n ≤ 6, n − 5 for n ≥ 7, r = Σ Pn·Qn mod 11; the check digit is 0 when r ≤ 1, else 11 − r.
// A "+" before the digits makes them a phone number in E.164 ("+821012345678"), never a My Number.
const myNumberShape = new RegExp(`(?<![\\d+])(\\d{4})[\\s${dashes}]?(\\d{4})[\\s${dashes}]?(\\d{4})(?!\\d)`, "gu");

/** Whether twelve digits end with the check digit a My Number has. */
export function isMyNumberCheckDigitValid(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(digits[11 - n]);
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const remainder = sum % 11;
  return Number(digits[11]) === (remainder <= 1 ? 0 : 11 - remainder);
}

/** Whether a text contains a Japanese My Number: twelve digits (spaces or dashes between groups of four) with a valid check digit. */
export function looksLikeMyNumber(text: string): boolean {
  if (!text) return false;
  for (const match of text.normalize("NFKC").matchAll(myNumberShape)) {
    if (isMyNumberCheckDigitValid(`${match[1]}${match[2]}${match[3]}`)) return true;
  }
  return false;
}

export type NationalIdKind = "rrn" | "myNumber";

/** Which national identifier a text seems to contain, if any: every door that takes free text refuses both. */
export function nationalIdIn(text: string): NationalIdKind | null {
  if (looksLikeRrn(text)) return "rrn";
  if (looksLikeMyNumber(text)) return "myNumber";
  return null;
}

/** The translation key that explains the refusal (in the "intake" namespace). */
export const rrnRefusedKey = "intake:validation.rrn";
export const myNumberRefusedKey = "intake:validation.myNumber";

/** The page's explanation for each kind of identifier refused. */
export const nationalIdRefusedKey: Record<NationalIdKind, string> = {
  rrn: rrnRefusedKey,
  myNumber: myNumberRefusedKey,
};
