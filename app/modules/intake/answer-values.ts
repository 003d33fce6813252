// One typed answer (a string, or a date's three parts) as a case value, and back: shared by every question of the
// referral form, list items included (a radiotherapy course's end date is converted like the birth date). Anything
// that cannot be converted is kept as typed, so the schema names the problem and nothing typed is lost.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { toKatakana } from "wanakana";
import type { FieldKind } from "~/domain/case/field-catalogue";

/** Form values as one flat map: dotted names, dates as `.year` / `.month` / `.day`, list rows as `.0.`, `.1.`. */
export type FlatValues = Record<string, string>;

/** The radio value for "not known": the field is then left out of the case (absent means unknown). */
export const UNKNOWN = "unknown";

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const hiragana = /[\u3041-\u3096\u309D\u309E]+/g;

/** A name reading in katakana: hiragana typed with a Japanese IME is converted (たなか → タナカ), spaces normalised. */
export function toKatakanaReading(text: string): string {
  return text
    .normalize("NFKC")
    .replace(hiragana, (run) => toKatakana(run))
    .replace(/\s+/g, " ")
    .trim();
}

/** A phone number as E.164, read in the country of residence when it has no country code; null when it is not a number. */
export function toE164(text: string, residenceCountry: unknown): string | null {
  const region =
    typeof residenceCountry === "string" && /^[A-Z]{2}$/.test(residenceCountry)
      ? (residenceCountry as CountryCode)
      : undefined;
  try {
    const parsed = parsePhoneNumberFromString(text.normalize("NFKC"), region);
    return parsed && parsed.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}

function dateFrom(values: FlatValues, path: string): string | undefined {
  const part = (p: string) => (values[`${path}.${p}`] ?? "").normalize("NFKC").replace(/\D/g, "");
  const [year, month, day] = [part("year"), part("month"), part("day")];
  if (!year && !month && !day) {
    const whole = values[path]?.trim();
    return whole ? whole : undefined;
  }
  // A part left blank stays blank ("1958-03-"): the schema calls it no date, and the typed parts come back.
  return `${year.padStart(year ? 4 : 0, "0")}-${month ? month.padStart(2, "0") : ""}-${day ? day.padStart(2, "0") : ""}`;
}

/** One answer as a case value; undefined when blank or "not known". `residence` reads local phone numbers. */
export function valueOf(kind: FieldKind, path: string, values: FlatValues, residence: unknown): unknown {
  if (kind.type === "date") return dateFrom(values, path);
  if (kind.type === "consent") return values[path] === "true";
  if (kind.type === "list") return listOf(kind, path, values, residence);
  const text = (values[path] ?? "").trim();
  if (text === "") return undefined;
  switch (kind.type) {
    case "yesNoUnknown":
      if (text === "yes" || text === "true") return true;
      if (text === "no" || text === "false") return false;
      return text === UNKNOWN ? undefined : text;
    case "radio":
      if (kind.unknownOption && text === UNKNOWN) return undefined;
      return kind.numeric && /^\d$/.test(text) ? Number(text) : text;
    case "number": {
      const normalised = text.normalize("NFKC").replace(/[\s,]+/g, "");
      return numberPattern.test(normalised) ? Number(normalised) : text;
    }
    case "country":
      return text.toUpperCase();
    case "phone":
      return toE164(text, residence) ?? text;
    case "text":
      if (kind.variant === "reading") return toKatakanaReading(text);
      if (kind.variant === "code") return text.normalize("NFKC").trim();
      // Free text keeps its lines (a clinical summary); only the ends are trimmed.
      return (values[path] ?? "").normalize("NFC").trim();
    default:
      return text;
  }
}

/** The row numbers posted for a list (`history.radiotherapyCourses.3.region` → 3), in order. */
export function rowIndexes(values: FlatValues, path: string): number[] {
  const prefix = `${path}.`;
  const found = new Set<number>();
  for (const name of Object.keys(values)) {
    if (!name.startsWith(prefix)) continue;
    const index = /^(\d+)\./.exec(name.slice(prefix.length));
    if (index) found.add(Number(index[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** A list's rows as items; a row left wholly blank is no item (an "add another" row not used). */
function listOf(
  kind: Extract<FieldKind, { type: "list" }>,
  path: string,
  values: FlatValues,
  residence: unknown,
): unknown[] | undefined {
  const items: Record<string, unknown>[] = [];
  for (const index of rowIndexes(values, path)) {
    const row: Record<string, unknown> = {};
    for (const field of kind.item) {
      const value = valueOf(field.kind, `${path}.${index}.${field.key}`, values, residence);
      if (value !== undefined) row[field.key] = value;
    }
    if (Object.keys(row).length) items.push(row);
  }
  return items.length ? items : undefined;
}

/** A saved value as form values (dates split into their parts, lists into numbered rows). */
export function formValueOf(kind: FieldKind, path: string, value: unknown, out: FlatValues) {
  if (value === undefined || value === null) return;
  if (kind.type === "list") {
    if (!Array.isArray(value)) return;
    value.forEach((row, index) => {
      if (!row || typeof row !== "object") return;
      for (const field of kind.item)
        formValueOf(field.kind, `${path}.${index}.${field.key}`, (row as Record<string, unknown>)[field.key], out);
    });
  } else if (kind.type === "date") {
    const [year = "", month = "", day = ""] = String(value).split("-");
    out[`${path}.year`] = year;
    out[`${path}.month`] = month.replace(/^0(?=\d)/, "");
    out[`${path}.day`] = day.replace(/^0(?=\d)/, "");
  } else if (kind.type === "yesNoUnknown") {
    out[path] = value === true ? "yes" : value === false ? "no" : String(value);
  } else if (kind.type === "consent") {
    out[path] = value === true ? "true" : "";
  } else {
    out[path] = String(value);
  }
}
