// The full case as staff read it: the one rendering the physician's pages use too (app/i18n/case-words.ts),
// built on the server once per request, so the page and its hydration agree.
import type { TFunction } from "i18next";
import { caseInWords, type CaseSection } from "~/i18n/case-words";
import type { ReferralCase } from "~/domain/case/schema";
import { intlLocale, type Language } from "~/i18n/config";
import { regionNames } from "~/i18n/intl-cache";

export type { CaseRow, CaseSection } from "~/i18n/case-words";

export function caseSections(
  caseData: ReferralCase | Readonly<Record<string, unknown>>,
  t: TFunction,
  lng: Language,
  siteNames: Partial<Record<string, Record<Language, string>>>,
  timeZone: string,
): CaseSection[] {
  const regions = regionNames(intlLocale[lng]);
  const today = typeof caseData.referredOn === "string" ? caseData.referredOn : new Date().toISOString().slice(0, 10);
  return caseInWords(caseData, { t, lng, siteNames, timeZone, today, countryName: (code) => regions.of(code) ?? code });
}
