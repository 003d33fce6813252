// Puts a criterion's threshold into words: the screen's own notation through the decision panel's format.ts, and the
// rule kind's parameters through rules:kinds.<kind>. Codes inside the parameters (statuses, indications) are words too.
import type { Threshold } from "~/domain/eligibility/rule-book";
import { formatExpected, type Words } from "~/components/decision-panel/format";
import { indicationKey } from "~/i18n/screen-keys";

const statusCodes = new Set(["met", "not_met", "unknown", "flag", "not_applicable"]);

function paramWords(words: Words, criterionId: string, key: string, value: string | number): string {
  if (typeof value === "number") return String(value);
  if (statusCodes.has(value)) return words.t(`screen:statuses.${value}`);
  if (key === "m0Required")
    return value
      .split("|")
      .map((code) => words.t(indicationKey(code)))
      .join(words.t("precheck:panel.listSeparator"));
  return formatExpected(words, criterionId, value);
}

/** The threshold in the page's language ("at least 40 mm"), or null when the rule has no single notation. */
export function thresholdText(words: Words, criterionId: string, threshold: Threshold): string | null {
  return threshold.expected === undefined ? null : formatExpected(words, criterionId, threshold.expected);
}

/** What the rule does beyond its threshold, in one or two sentences. */
export function ruleText(words: Words, criterionId: string, threshold: Threshold): string {
  const { t } = words;
  if (threshold.kind === "consistency") return t(`rules:kinds.consistency.${String(threshold.params.check)}`);
  if (threshold.kind === "choice") {
    // Every answer that is not "met", each with what it gives (resectable yes → flag).
    const others = Object.entries(threshold.params).map(([code, status]) =>
      t("rules:kinds.choiceItem", {
        answer: formatExpected(words, criterionId, code),
        status: paramWords(words, criterionId, "status", status),
      }),
    );
    return others.length ? t("rules:kinds.choice", { others: others.join(t("precheck:panel.listSeparator")) }) : "";
  }
  const params = Object.fromEntries(
    Object.entries(threshold.params).map(([key, value]) => [key, paramWords(words, criterionId, key, value)]),
  );
  return t(`rules:kinds.${threshold.kind}`, params);
}
