import { useTranslation } from "react-i18next";
import { fieldKey, indicationKey } from "~/i18n/screen-keys";
import type { CriterionView } from "~/domain/eligibility/rule-book";
import type { Words } from "~/components/decision-panel/format";
import { formatCalendarDate } from "~/i18n/format";
import { ruleText, thresholdText } from "./threshold-words";
import { renderedOnce } from "./rendered-once";
import { SourceLinks } from "./source-links";
import { FactList } from "~/components/fact-list";

export function useWords(): Words {
  const { t, i18n } = useTranslation();
  return { t, exists: (key) => i18n.exists(key), lng: i18n.language };
}

export function dateText(words: Words, iso: string | undefined): string {
  return iso ? formatCalendarDate(iso, words.lng) : words.t("rules:sets.none");
}

/** Where a criterion applies, in words: its indications, those it does not apply to, and a condition on the case. */
export function applicabilityText(words: Words, c: CriterionView): string[] {
  const { t } = words;
  const list = (codes: readonly string[]) =>
    codes.map((code) => t(indicationKey(code))).join(t("precheck:panel.listSeparator"));
  const lines = [c.indications === "all" ? t("rules:criteria.allIndications") : list(c.indications)];
  if (c.notApplicableTo.length)
    lines.push(t("rules:criteria.notApplicableTo", { indications: list(c.notApplicableTo) }));
  if (c.condition)
    lines.push(t("rules:criteria.onlyWhen", { condition: t(`rules:conditions.${c.condition.kind}`, c.condition) }));
  return lines;
}

/** The strength of a criterion, and for a flag that moves the funding, where to. */
export function strengthText(words: Words, c: CriterionView): string {
  const { t } = words;
  const base = t(`rules:strength.${c.strength}`);
  return c.coverageOnFlag
    ? `${base} ${t("rules:criteria.coverageOnFlag", { tier: t(`rules:coverageOnFlag.${c.coverageOnFlag}`) })}`
    : base;
}

/** The review items (the reasons for a criterion or a change), each by its code and title. */
export function reviewText(words: Words, codes: readonly string[]): string {
  const { t } = words;
  return codes
    .map((code) => `${code} ${t(`rules:review.items.${code}.title`)}`)
    .join(t("precheck:panel.listSeparator"));
}

/** One criterion of the rule book: everything a physician needs to check a screen against it. */
export function CriterionEntry({ criterion: c, headingLevel }: { criterion: CriterionView; headingLevel: 3 | 4 }) {
  const words = useWords();
  const { t } = words;
  const Heading = `h${headingLevel}` as "h3";
  return renderedOnce(c, `${words.lng}|${headingLevel}`, () => {
    const threshold = thresholdText(words, c.id, c.threshold);
    const rule = ruleText(words, c.id, c.threshold);
    return (
      <article className="rule" data-criterion={c.id} data-strength={c.strength} aria-labelledby={`rule-${c.id}`}>
        <Heading id={`rule-${c.id}`}>
          {t(`screen:criteria.${c.id}.name`)} <code className="rule__id">{c.id}</code>
        </Heading>
        <p>{t(`screen:criteria.${c.id}.explanation`)}</p>
        <FactList
          className="rule__facts"
          facts={[
            threshold ? { label: t("rules:criteria.threshold"), value: threshold } : null,
            rule ? { label: t("rules:criteria.rule"), value: rule } : null,
            { label: t("rules:criteria.strength"), value: strengthText(words, c) },
            {
              label: t("rules:criteria.appliesTo"),
              value: applicabilityText(words, c).map((line) => (
                <span key={line} className="rule__line">
                  {line}
                </span>
              )),
            },
            c.threshold.fields.length
              ? {
                  label: t("rules:criteria.reads"),
                  value: c.threshold.fields.map((path) => t(fieldKey(path))).join(t("precheck:panel.listSeparator")),
                }
              : null,
            c.review.length ? { label: t("rules:criteria.review"), value: reviewText(words, c.review) } : null,
            { label: t("rules:criteria.sources"), value: <SourceLinks sources={c.sources} /> },
          ]}
        />
      </article>
    );
  });
}
