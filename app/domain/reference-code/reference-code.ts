// Referral reference codes: `KQ-XXXXX-XXXXX-XXXXX`, 14 random Crockford base-32 symbols (70 bits, unguessable)
// plus one Luhn mod 32 check symbol that catches any single mistyped symbol and most swapped neighbours.
// Crockford's alphabet has no I, L, O or U, so a code read aloud or copied by hand stays unambiguous.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_SYMBOLS = 14;
export const REFERENCE_CODE_PATTERN = /^KQ-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

function checkSymbol(symbols: string): string {
  // Luhn mod N: double every second symbol from the right of the payload.
  let sum = 0;
  let factor = 2;
  for (let i = symbols.length - 1; i >= 0; i -= 1) {
    const addend = factor * ALPHABET.indexOf(symbols[i]!);
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

function format(symbols: string): string {
  return `KQ-${symbols.slice(0, 5)}-${symbols.slice(5, 10)}-${symbols.slice(10, 15)}`;
}

/** A new code from at least 14 random bytes (the caller supplies randomness: the domain does no I/O). */
export function referenceCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < RANDOM_SYMBOLS) throw new Error("need 14 random bytes");
  let payload = "";
  for (let i = 0; i < RANDOM_SYMBOLS; i += 1) payload += ALPHABET[randomBytes[i]! % 32];
  return format(payload + checkSymbol(payload));
}

/**
 * Reads a code as a person types it: any case, full-width characters, spaces or dashes, with or without
 * the KQ prefix, and Crockford's look-alikes (O→0, I/L→1). Returns the canonical code, or null when it
 * cannot be one (wrong length, foreign symbol, or a failed check symbol).
 */
export function normalizeReferenceCode(input: string): string | null {
  let text = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐‑–—ー―_.]/g, "");
  if (text.startsWith("KQ")) text = text.slice(2);
  text = text.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (text.length !== RANDOM_SYMBOLS + 1 || [...text].some((c) => !ALPHABET.includes(c))) return null;
  const payload = text.slice(0, RANDOM_SYMBOLS);
  return checkSymbol(payload) === text[RANDOM_SYMBOLS] ? format(text) : null;
}

/** The fewest symbols a partial code needs: fewer would match too many referrals to be a useful search. */
export const MIN_CODE_PREFIX_SYMBOLS = 5;

/**
 * The start of a code as a person types it (read like normalizeReferenceCode: any case, full width, spaces or
 * dashes, with or without KQ, O→0 and I/L→1), in canonical form for a prefix search: "6fpxe aa0" → "KQ-6FPXE-AA0".
 * Null unless it has 5 to 15 code symbols and nothing else. `explicit` tells whether it began with KQ, i.e. is
 * certainly meant as a code (a Latin name like "TANAKA" also reads as symbols).
 */
export function referenceCodePrefix(input: string): { prefix: string; explicit: boolean } | null {
  let text = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐‑–—ー―_.]/g, "");
  const explicit = text.startsWith("KQ");
  if (explicit) text = text.slice(2);
  text = text.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (
    text.length < MIN_CODE_PREFIX_SYMBOLS ||
    text.length > RANDOM_SYMBOLS + 1 ||
    [...text].some((c) => !ALPHABET.includes(c))
  )
    return null;
  const groups = [text.slice(0, 5), text.slice(5, 10), text.slice(10, 15)].filter(Boolean);
  return { prefix: `KQ-${groups.join("-")}`, explicit };
}
