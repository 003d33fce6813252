// The full case as staff read it: every field of the contract (referral-case.md) with its label and its value in
// words of the page's language. Built on the server, once per request, so the page and its hydration agree.
import type { TFunction } from "i18next";
import { formatDate } from "~/components/decision-panel/format";
import { fieldKey, indicationKey } from "~/components/decision-panel/labels";
import type { ReferralCase } from "~/domain/case/schema";
import { intlLocale, languageAutonyms, isLanguage, type Language } from "~/i18n/config";
import { formatInstant } from "~/i18n/datetime";

export type CaseRow = { path: string; label: string; value: string; known: boolean };
export type CaseSection = { id: string; heading: string; rows: CaseRow[] };

const sections: { id: string; paths: string[] }[] = [
  {
    id: "patient",
    paths: [
      "patient.familyName",
      "patient.givenName",
      "patient.familyNameLatin",
      "patient.givenNameLatin",
      "patient.nameReading",
      "patient.birthDate",
      "patient.sex",
      "patient.residenceCountry",
      "patient.preferredLanguage",
      "patient.email",
      "patient.phone",
      "patient.referringHospitalId",
      "patient.canTravelAbroad",
      "preferences.site",
    ],
  },
  { id: "consent", paths: ["consent.sensitiveData", "consent.crossBorder", "consent.informedOfDiagnosis", "consent.recordedAt"] },
  {
    id: "diagnosis",
    paths: [
      "diagnosis.indication",
      "diagnosis.icd10",
      "diagnosis.histology",
      "diagnosis.icdO3Morphology",
      "diagnosis.histologicallyConfirmed",
      "diagnosis.haematological",
      "diagnosis.subsite",
      "diagnosis.status",
      "diagnosis.resectable",
      "diagnosis.tnm.t",
      "diagnosis.tnm.n",
      "diagnosis.tnm.m",
      "diagnosis.tnm.edition",
      "diagnosis.stage",
      "diagnosis.maxDiameterMm",
      "diagnosis.distantMetastasisSites",
      "diagnosis.peritonealOrMeningealSpread",
      "diagnosis.invadesGiTract",
      "diagnosis.abutsGiTract",
      "diagnosis.invadesSpinalCord",
      "diagnosis.anastomoticRecurrence",
      "diagnosis.psaNgMl",
      "diagnosis.gleasonScore",
      "diagnosis.childPugh",
      "diagnosis.ascites",
    ],
  },
  { id: "history", paths: ["history.priorRadiotherapy", "history.priorRadiotherapyEndedOn"] },
  {
    id: "clinical",
    paths: [
      "clinical.ecog",
      "clinical.canLieStill30Min",
      "clinical.activeInfectionInField",
      "clinical.metalImplantInField",
      "clinical.cardiacDevice",
      "clinical.pregnant",
    ],
  },
  { id: "referral", paths: ["referredOn", "urgency"] },
];

// Where the words of each coded field live.
const codeBooks: Record<string, (code: string) => string> = {
  "diagnosis.indication": indicationKey,
  "diagnosis.histology": (c) => `precheck:options.histology.${c}`,
  "diagnosis.subsite": (c) => `precheck:options.subsite.${c}`,
  "diagnosis.status": (c) => `precheck:options.status.${c}`,
  "diagnosis.resectable": (c) => `precheck:options.resectable.${c}`,
  "diagnosis.childPugh": (c) => `precheck:options.childPugh.${c}`,
  "history.priorRadiotherapy": (c) => `precheck:options.priorRadiotherapy.${c}`,
  "clinical.ecog": (c) => `precheck:options.ecog.${c}`,
  "patient.sex": (c) => `queue:case.sex.${c}`,
  urgency: (c) => `queue:urgency.${c}`,
};

function at(data: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), data);
}

export function caseSections(
  caseData: ReferralCase,
  t: TFunction,
  lng: Language,
  siteNames: Partial<Record<string, Record<Language, string>>>,
  timeZone: string
): CaseSection[] {
  const regions = new Intl.DisplayNames([intlLocale[lng]], { type: "region" });
  const words = (path: string, value: unknown): string => {
    if (typeof value === "boolean") return t(value ? "queue:case.yes" : "queue:case.no");
    if (typeof value === "number") return new Intl.NumberFormat(intlLocale[lng]).format(value);
    const text = String(value);
    const book = codeBooks[path];
    if (book) return t(book(text), { defaultValue: text });
    if (path === "patient.residenceCountry") return regions.of(text) ?? text;
    if (path === "patient.preferredLanguage") return isLanguage(text) ? languageAutonyms[text] : text;
    if (path === "preferences.site") return text === "none" ? t("precheck:options.sitePreference.none") : siteNames[text]?.[lng] ?? text;
    if (path === "consent.recordedAt") {
      return formatInstant(text, lng, timeZone);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, lng);
    return text;
  };
  return sections.map((section) => ({
    id: section.id,
    heading: t(`queue:case.sections.${section.id}`),
    rows: section.paths.map((path) => {
      const value = at(caseData, path);
      const known = value !== undefined && value !== null && value !== "";
      return { path, label: t(fieldKey(path)), value: known ? words(path, value) : t("queue:case.notGiven"), known };
    }),
  }));
}
