// Intl objects are slow to build and fast to use: each kind + locale + options is built once and kept for the life
// of the process (or the page, in the browser). Dates and times have their own styles in ./format.ts; this is for
// numbers, region names and sorting. The options are small literal objects, so their JSON is a fine key.
const built = new Map<string, unknown>();

function once<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ""}`;
  let value = built.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    built.set(key, value);
  }
  return value;
}

export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return once("number", locale, options, () => new Intl.NumberFormat(locale, options));
}

/** Country and territory names (ISO 3166 codes) in `locale`. */
export function regionNames(locale: string, options: { fallback?: "code" | "none" } = {}): Intl.DisplayNames {
  return once("region", locale, options, () => new Intl.DisplayNames([locale], { type: "region", ...options }));
}

export function collator(locale: string, options?: Intl.CollatorOptions): Intl.Collator {
  return once("collator", locale, options, () => new Intl.Collator(locale, options));
}
