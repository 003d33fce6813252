import Holidays from "date-holidays";
import type { Language } from "~/i18n/config";
import { holidaysOf } from "~/modules/referrals/calendar.server";

// date-holidays speaks each country's own language and English (Korea: ko, en; Japan: "jp", en); a holiday of the
// other country is named in English, which both readers can follow better than a foreign script.
const languageCodes: Record<string, Partial<Record<Language, string>>> = {
  KR: { ko: "ko", en: "en" },
  JP: { ja: "jp", en: "en" },
};
const sources = new Map<string, Holidays>();

/** The public holiday at the site's country on that date, named in the reader's language when the library can. */
export function publicHolidayOn(country: string, date: string, lng: Language): { name: string | null } | null {
  if (!holidaysOf(country)(date)) return null;
  const lang = languageCodes[country]?.[lng] ?? "en";
  const key = `${country}:${lang}`;
  let source = sources.get(key);
  if (!source) {
    source = new Holidays(country, { languages: [lang] });
    sources.set(key, source);
  }
  // Noon in Korea and Japan (UTC+9), as the working-day clock reads it.
  const found = source.isHoliday(new Date(`${date}T03:00:00Z`));
  const holiday = Array.isArray(found) ? found.find((h) => h.type === "public") : undefined;
  return { name: holiday?.name ?? null };
}
