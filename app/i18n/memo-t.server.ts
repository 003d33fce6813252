import type { i18n as I18n } from "i18next";

// What getFixedT adds to every call's options (react-i18next's useTranslation and tFor both go through it).
const lookupOptions = new Set(["lng", "lngs", "ns", "keyPrefix"]);
// Enough for every key of every namespace in three languages with their plural forms; past it the cache starts again.
const maxEntries = 20_000;

function part(value: unknown): string | undefined {
  if (value === undefined || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(",");
  return undefined;
}

/**
 * The cache key of a call whose answer depends only on the key, the language, the namespaces, a default text and
 * numbers (a plural's count): no text or objects to interpolate, no `returnObjects`. Undefined otherwise.
 */
export function plainCallKey(key: unknown, options: unknown, extra: number): string | undefined {
  if (typeof key !== "string" || extra > 0) return undefined;
  if (options === undefined) return `\u0000${key}`;
  if (typeof options !== "object" || options === null) return undefined;
  let cacheKey = key;
  for (const [name, value] of Object.entries(options)) {
    if (name === "returnObjects" || name === "postProcess") return undefined;
    // A default text (`defaultValue`) is part of the question, like the key: the answer depends on nothing else.
    const known = lookupOptions.has(name) || name === "defaultValue";
    if (!known && typeof value !== "number" && typeof value !== "boolean" && value !== undefined) return undefined;
    const text = part(value);
    if (text === undefined) return undefined;
    cacheKey += `\u0000${name}=${text}`;
  }
  return cacheKey;
}

type Translate = (...args: unknown[]) => unknown;

/**
 * Remembers the answers of plain lookups (`plainCallKey`) on a server instance. The resources never change at run
 * time (read once from locales/) and each instance keeps its one language, so the same call always answers the same;
 * i18next resolves a key through its namespaces, fallbacks and nesting on every call (several µs), and a page makes
 * hundreds of them. Interpolations with text (names, dates) are not remembered: they vary per row and would only fill
 * the cache. Both doors are covered: `t` itself, and the translators `getFixedT` makes (react-i18next's
 * `useTranslation`, `tFor`), whose calls without options skip even the option object i18next builds for them.
 */
export function memoisePlainLookups(instance: I18n): void {
  const translate = instance.t.bind(instance) as unknown as Translate;
  const fixedTranslator = instance.getFixedT.bind(instance) as unknown as (...args: unknown[]) => Translate;
  const answers = new Map<string, unknown>();
  const remember = (cacheKey: string, answer: unknown) => {
    if (answers.size >= maxEntries) answers.clear();
    answers.set(cacheKey, answer);
    return answer;
  };
  const memoisedT: Translate = (key, options, ...rest) => {
    const cacheKey = plainCallKey(key, options, rest.length);
    if (cacheKey === undefined) return translate(key, options, ...rest);
    return answers.has(cacheKey) ? answers.get(cacheKey) : remember(cacheKey, translate(key, options));
  };
  const memoisedGetFixedT = (lng: unknown, ns?: unknown, keyPrefix?: unknown) => {
    const fixed = fixedTranslator(lng, ns, keyPrefix);
    const nsPart = part(ns);
    const fixedLanguage = typeof lng === "string" ? lng : undefined;
    if ((lng != null && !fixedLanguage) || nsPart === undefined || (keyPrefix != null && typeof keyPrefix !== "string"))
      return fixed;
    const scope = `\u0001${nsPart}\u0001${keyPrefix ?? ""}\u0001`;
    const memoisedFixed: Translate = (key, options, ...rest) => {
      if (typeof key !== "string" || options !== undefined || rest.length > 0) return fixed(key, options, ...rest);
      // Without a language of its own (react-i18next passes none), i18next answers in the instance's language.
      const cacheKey = (fixedLanguage ?? instance.language) + scope + key;
      return answers.has(cacheKey) ? answers.get(cacheKey) : remember(cacheKey, fixed(key));
    };
    // What i18next's own fixed translator carries (react-i18next reads none of it, but a caller may).
    return Object.assign(memoisedFixed, { lng, ns, keyPrefix });
  };
  instance.t = memoisedT as unknown as I18n["t"];
  instance.getFixedT = memoisedGetFixedT as unknown as I18n["getFixedT"];
}
