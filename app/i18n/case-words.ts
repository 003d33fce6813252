// A case in words: the one rendering of a case that the physician's pages (check your answers, the referral page,
// the printable summary) and the staff referral page share, so both read the same labels, the same code words and
// the same units. Pure: it takes a translator, so it runs on the server (staff page's loader) and in a component.
import type { TFunction } from "i18next";
import { isIsoDate } from "~/domain/case/dates";
import { factsOf, isFieldAsked } from "~/domain/case/field-applicability";
import {
  fieldCatalogue,
  viewGroups,
  type CatalogueField,
  type FieldKind,
  type FormSectionId,
  type ViewGroup,
} from "~/domain/case/field-catalogue";
import { getPath } from "~/domain/case/paths";
import { isupGradeGroup } from "~/domain/case/gleason";
import { intlLocale, isLanguage, languageAutonyms, type Language } from "~/i18n/config";
import { formatCalendarDate, formatInstant } from "~/i18n/format";
import { numberFormat } from "~/i18n/intl-cache";

export type CaseRow = {
  path: string;
  label: string;
  value: string;
  /** A list's rows, each in words (the value then says how many). */
  items?: string[];
  known: boolean;
  /** The intake section that asks it, for "Change" links on a draft. */
  form?: FormSectionId;
};
export type CaseSection = { id: ViewGroup; heading: string; rows: CaseRow[] };

export type CaseWordsContext = {
  t: TFunction;
  lng: Language;
  siteNames: Partial<Record<string, Partial<Record<Language, string>>>>;
  /** A country's name in the page language (named on the server for hydration-safe pages). */
  countryName: (code: string) => string;
  /** Where a consent's time is shown (the staff site's or the physician's zone). */
  timeZone: string;
  /** The date that decides which questions apply (the referral date once submitted). */
  today: string;
};

const isKnown = (value: unknown) =>
  value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);

/** One value in words, by its kind. */
export function valueInWords(kind: FieldKind, value: unknown, w: CaseWordsContext): string {
  const { t, lng } = w;
  if (!isKnown(value)) return t("case:view.notGiven");
  const number = (n: unknown) =>
    typeof n === "number" ? numberFormat(intlLocale[lng], { maximumFractionDigits: 2 }).format(n) : String(n);
  switch (kind.type) {
    case "consent":
      return t(value === true ? "intake:review.consentGiven" : "intake:review.consentNotGiven");
    case "yesNoUnknown":
      return value === true
        ? t("precheck:options.yesNoUnknown.yes")
        : value === false
          ? t("precheck:options.yesNoUnknown.no")
          : String(value);
    case "date":
      return isIsoDate(value) ? formatCalendarDate(value, lng) : String(value);
    case "dateTime":
      // The shared formatter: a 24-hour clock with explicit fields, so server and browser write the same text.
      return formatInstant(String(value), lng, w.timeZone);
    case "select":
    case "radio":
      return t(`${kind.book}.${String(value)}`, { defaultValue: String(value) });
    case "country":
      return w.countryName(String(value));
    case "language":
      return isLanguage(value) ? languageAutonyms[value] : String(value);
    case "site":
      return value === "none"
        ? t("precheck:options.sitePreference.none")
        : (w.siteNames[String(value)]?.[lng] ?? String(value));
    case "number":
      return kind.unit ? t(`case:units.${kind.unit}`, { value: number(value) }) : number(value);
    case "list":
      return t("case:view.rows", { count: Array.isArray(value) ? value.length : 0 });
    default:
      return String(value);
  }
}

/** A list's row in words: "End date: 1 March 2024; Region: pelvis; …", only the parts given. */
function rowInWords(list: CatalogueField, row: unknown, w: CaseWordsContext): string {
  if (list.kind.type !== "list" || !row || typeof row !== "object") return String(row);
  const listKey = list.path.split(".").pop()!;
  return list.kind.item
    .filter((i) => isKnown((row as Record<string, unknown>)[i.key]))
    .map((i) =>
      w.t("case:view.pair", {
        label: w.t(`case:items.${listKey}.${i.key}`),
        value: valueInWords(i.kind, (row as Record<string, unknown>)[i.key], w),
      }),
    )
    .join(w.t("case:view.separator"));
}

/** The Gleason score with its patterns and ISUP grade group when they are known ("4 + 3 = 7, ISUP grade group 3"). */
function gleasonInWords(caseData: unknown, score: unknown, w: CaseWordsContext): string | null {
  const primary = getPath(caseData, "diagnosis.gleasonPrimary");
  const secondary = getPath(caseData, "diagnosis.gleasonSecondary");
  if (typeof primary !== "number" || typeof secondary !== "number") return null;
  const group = isupGradeGroup(primary, secondary);
  const sum = typeof score === "number" ? score : primary + secondary;
  return w.t(group ? "case:view.gleason" : "case:view.gleasonNoGroup", { primary, secondary, sum, group });
}

/**
 * The case, group by group, as label/value rows. A field is shown when it has a value, or when the form asks it
 * for this case (so a question still to answer reads "Not given", while pregnancy for a man is not listed at all).
 */
export function caseInWords(caseData: unknown, w: CaseWordsContext): CaseSection[] {
  const facts = factsOf(caseData);
  const rows = new Map<ViewGroup, CaseRow[]>(viewGroups.map((g) => [g, []]));
  for (const field of fieldCatalogue) {
    if (field.staff === false) continue;
    const value = getPath(caseData, field.path);
    const known = isKnown(value);
    if (!known && !(field.form && isFieldAsked(field, facts, w.today))) continue;
    const row: CaseRow = {
      path: field.path,
      label: w.t(`screen:fields.${field.path}`),
      value: valueInWords(field.kind, value, w),
      known,
    };
    if (field.form) row.form = field.form;
    if (known && field.kind.type === "list" && Array.isArray(value))
      row.items = value.map((item) => rowInWords(field, item, w));
    if (known && field.path === "diagnosis.gleasonScore") row.value = gleasonInWords(caseData, value, w) ?? row.value;
    rows.get(field.group)!.push(row);
  }
  return viewGroups
    .map((id) => ({ id, heading: w.t(`case:groups.${id}`), rows: rows.get(id)! }))
    .filter((section) => section.rows.length > 0);
}
