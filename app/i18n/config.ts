export const languages = ["ko", "ja", "en"] as const;
export type Language = (typeof languages)[number];
export const fallbackLanguage: Language = "en";

/** Each language's own name: the same in every interface language, so it is data, not a translation. */
export const languageAutonyms: Record<Language, string> = { ko: "한국어", ja: "日本語", en: "English" };

/** BCP 47 tags for Intl formatting. */
export const intlLocale: Record<Language, string> = { ko: "ko-KR", ja: "ja-JP", en: "en-GB" };

export const defaultNamespace = "common";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}
