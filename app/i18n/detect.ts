import { fallbackLanguage, isLanguage, languages, type Language } from "./config";

export const languageCookieName = "lng";
export const languageParam = "lng";

/** Picks ko/ja/en from an Accept-Language header by quality, matching on the primary subtag. */
export function fromAcceptLanguage(header: string | null): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        primary: tag.trim().toLowerCase().split("-")[0],
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.primary).find((primary) => isLanguage(primary)) as Language | undefined;
}

export function fromCookie(header: string | null): Language | undefined {
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const [name, value] = pair.trim().split("=");
    if (name === languageCookieName && isLanguage(value)) return value;
  }
  return undefined;
}

/** What the reader asked for: the switcher (query, then its cookie), else the browser's Accept-Language; else nothing. */
export function requestedLanguage(request: Request): Language | undefined {
  const fromQuery = new URL(request.url).searchParams.get(languageParam);
  if (isLanguage(fromQuery)) return fromQuery;
  return fromCookie(request.headers.get("Cookie")) ?? fromAcceptLanguage(request.headers.get("Accept-Language"));
}

/**
 * The user's explicit choice (query, then cookie), else Accept-Language, else `fallback` (a default the page knows,
 * such as a patient's preferred language), else English.
 */
export function detectLanguage(request: Request, fallback?: Language | null): Language {
  return requestedLanguage(request) ?? fallback ?? fallbackLanguage;
}

export { languages };
