// Whether a phone number exists, by the full metadata (libphonenumber-js/max). The browser checks with the small
// default metadata only, as a hint while typing: that one accepts numbers whose length is merely possible
// ("090-1234-567" for Japan), so the server is where a number is refused. The full metadata (~150 kB) and the
// examples stay out of the browser bundle because this file is *.server.ts.
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import examples from "libphonenumber-js/examples.mobile.json";

/** `example` as people in the country write it (for forms), `exampleE164` as the JSON doors take it. */
export type PhoneProblem = { country: CountryCode | null; example: string | null; exampleE164: string | null };

function regionOf(country: unknown): CountryCode | undefined {
  return typeof country === "string" && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
}

/** An example mobile number of a country, as people there write it ("090-1234-5678", "010-2000-0000") and in E.164. */
export function examplePhone(country: CountryCode): { national: string; e164: string } | null {
  try {
    const example = getExampleNumber(country, examples);
    return example ? { national: example.formatNational(), e164: example.number } : null;
  } catch {
    return null;
  }
}

/**
 * null when the number is valid for its country; otherwise the country it was read in (its country code, else the
 * country of residence) and an example of a valid number there, for the message.
 */
export function phoneProblem(text: string, residenceCountry?: unknown): PhoneProblem | null {
  const region = regionOf(residenceCountry);
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = parsePhoneNumberFromString(text.normalize("NFKC"), region);
  } catch {
    parsed = undefined;
  }
  if (parsed?.isValid()) return null;
  const country = parsed?.country ?? parsed?.getPossibleCountries()[0] ?? region ?? null;
  const example = country ? examplePhone(country) : null;
  return { country, example: example?.national ?? null, exampleE164: example?.e164 ?? null };
}
