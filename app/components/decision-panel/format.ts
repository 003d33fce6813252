// Turns the decision's language-neutral values and thresholds ("<=120 mm", "A|B", "none|other_site",
// "not squamous_cell_carcinoma@oral_cavity|pharynx|larynx", ISO dates, true/false) into words of the page language.
import type { TFunction } from "i18next";
import { formatCalendarDate } from "~/i18n/format";
import { fieldKey, indicationKey } from "~/i18n/screen-keys";

export type Words = { t: TFunction; exists: (key: string) => boolean; lng: string };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Codes a criterion's value or threshold may hold, by criterion: where their words live. */
const codeBooks: Record<string, string[]> = {
  resectability: ["precheck:options.resectable"],
  colorectal_local_recurrence: ["precheck:options.status"],
  prior_radiotherapy: ["precheck:options.priorRadiotherapy"],
  head_neck_scc_excluded: ["precheck:options.histology", "precheck:options.subsite"],
  indication_listed: ["screen:indications"],
  // kq-2026-12
  surgery_difficult: ["precheck:options.resectable"],
  colorectal_after_surgery: ["precheck:options.status"],
  head_neck_squamous: ["precheck:options.histology", "precheck:options.subsite"],
  reirradiation: ["screen:values", "precheck:options.priorRadiotherapy"],
};
const anyBook = ["screen:indications", "precheck:options.histology", "precheck:options.subsite"];

function code(words: Words, criterionId: string, value: string): string {
  if (value === "peritoneal_or_meningeal_spread") return words.t(fieldKey("diagnosis.peritonealOrMeningealSpread"));
  for (const book of [...(codeBooks[criterionId] ?? []), ...anyBook]) {
    const key = book === "screen:indications" ? indicationKey(value) : `${book}.${value}`;
    if (words.exists(key)) return words.t(key);
  }
  return value;
}

function withUnit(words: Words, value: string, unit: string | undefined): string {
  if (unit === "mm") return words.t("precheck:panel.unitMm", { value });
  return unit ? `${value} ${unit}` : value;
}

/** The value the rule used, in words. */
export function formatValue(words: Words, criterionId: string, value: unknown, expected: string | undefined): string {
  if (value === undefined || value === null) return words.t("precheck:panel.none");
  if (typeof value === "boolean") return words.t(value ? "precheck:panel.yes" : "precheck:panel.no");
  const unit = expected ? /\s(\S+)$/.exec(expected)?.[1] : undefined;
  if (typeof value === "number") return withUnit(words, String(value), unit);
  const text = String(value);
  if (isoDate.test(text)) return formatCalendarDate(text, words.lng);
  const at = /^(\w+)@(\w+)$/.exec(text);
  if (at)
    return words.t("precheck:panel.histologyAt", {
      histology: code(words, criterionId, at[1]!),
      subsite: code(words, criterionId, at[2]!),
    });
  return code(words, criterionId, text);
}

/** The threshold or accepted values, in words. */
export function formatExpected(words: Words, criterionId: string, expected: string | undefined): string {
  if (expected === undefined || expected === "") return words.t("precheck:panel.none");
  const { t } = words;
  if (expected === "true") return t("precheck:panel.yes");
  if (expected === "false") return t("precheck:panel.no");
  if (expected === "known") return t("precheck:panel.known");
  if (expected === "insurance_list") return t("precheck:panel.insuranceList");
  if (criterionId === "prior_radiotherapy" && expected === "none|other_site")
    return t("precheck:panel.noSameSiteRadiotherapy");
  const bound = /^(>=|<=)(\S+)(?:\s(\S+))?$/.exec(expected);
  if (bound) {
    const [, op, raw = "", unit] = bound;
    if (isoDate.test(raw))
      return t(op === ">=" ? "precheck:panel.onOrAfter" : "precheck:panel.onOrBefore", {
        date: formatCalendarDate(raw, words.lng),
      });
    return t(op === ">=" ? "precheck:panel.atLeast" : "precheck:panel.atMost", { value: withUnit(words, raw, unit) });
  }
  const notAt = /^(?:not |!)(\w+)@(.+)$/.exec(expected);
  if (notAt) {
    const subsites = notAt[2]!.split("|").map((s) => code(words, criterionId, s));
    return t("precheck:panel.notHistologyAt", {
      histology: code(words, criterionId, notAt[1]!),
      subsites: subsites.join(t("precheck:panel.listSeparator")),
    });
  }
  const range = /^([0-9IVX]+[A-C]?)-([0-9IVX]+[A-C]?)$/.exec(expected);
  if (range) return t("precheck:panel.range", { from: range[1], to: range[2] });
  if (expected.includes("|"))
    return expected
      .split("|")
      .map((c) => code(words, criterionId, c))
      .join(t("precheck:panel.or"));
  return code(words, criterionId, expected);
}
