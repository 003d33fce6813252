import type { Words } from "~/components/decision-panel/format";
import { indicationKey } from "~/i18n/screen-keys";
import type { CriterionView, IndicationView } from "~/domain/eligibility/rule-book";
import type { CriterionChange, RuleSetDiff } from "~/domain/eligibility/rule-diff";
import { applicabilityText, dateText, strengthText, useWords } from "./criterion-entry";
import { renderedOnce } from "./rendered-once";
import { ruleText, thresholdText } from "./threshold-words";

function tierText(words: Words, i: IndicationView): string {
  const { t } = words;
  const parts = [t(`rules:programmes.${i.programme}`)];
  if (i.since) parts.push(t("rules:indications.sinceDate", { date: dateText(words, i.since) }));
  parts.push(
    i.fallsTo
      ? t("rules:indications.fallsToText", { tier: t(`rules:programmesByCoverage.${i.fallsTo}`) })
      : i.programme === "insurance"
        ? t("rules:indications.fallsNowhere")
        : "",
  );
  return parts.filter(Boolean).join(t("rules:diff.sentenceSeparator"));
}

function criterionSummary(words: Words, c: CriterionView): string[] {
  const { t } = words;
  const threshold = thresholdText(words, c.id, c.threshold);
  return [
    `${t(`screen:criteria.${c.id}.name`)} (${c.id})`,
    ...(threshold ? [t("rules:diff.thresholdIs", { threshold })] : []),
    ruleText(words, c.id, c.threshold),
    strengthText(words, c),
    t("rules:diff.appliesToIs", { where: applicabilityText(words, c).join(t("rules:diff.sentenceSeparator")) }),
  ].filter(Boolean);
}

function Side({ words, view }: { words: Words; view: CriterionView | undefined }) {
  if (!view) return <>{words.t("rules:diff.absent")}</>;
  return renderedOnce(view, words.lng, () => (
    <ul className="rule-diff__facts">
      {criterionSummary(words, view).map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  ));
}

function changeLabel(words: Words, c: CriterionChange): string {
  const { t } = words;
  if (c.change !== "changed") return t(`rules:diff.${c.change}`);
  const aspects = c.aspects.map((a) => t(`rules:diff.aspects.${a}`));
  if (c.renamed) aspects.unshift(t("rules:diff.renamed", { from: c.from.id, to: c.to.id }));
  return aspects.join(t("precheck:panel.listSeparator"));
}

/** "What changed" between two rule sets: indication tiers, then each criterion before and after, with the reason. */
export function RuleSetDiffView({ diff }: { diff: RuleSetDiff }) {
  const words = useWords();
  const { t } = words;
  return renderedOnce(diff, words.lng, () => {
    const before = t("rules:diff.before", { version: diff.from });
    const after = t("rules:diff.after", { version: diff.to });
    if (diff.criteria.length === 0 && diff.indications.length === 0) return <p>{t("rules:diff.none")}</p>;
    return (
      <>
        <h3 id="diff-indications">{t("rules:diff.indicationsHeading", { count: diff.indications.length })}</h3>
        <table className="rule-table" aria-labelledby="diff-indications" data-testid="diff-indications">
          <thead>
            <tr>
              <th scope="col">{t("rules:indications.indication")}</th>
              <th scope="col">{before}</th>
              <th scope="col">{after}</th>
            </tr>
          </thead>
          <tbody>
            {diff.indications.map((i) => (
              <tr key={i.code} data-indication={i.code}>
                <th scope="row">{t(indicationKey(i.code))}</th>
                <td>{tierText(words, i.from)}</td>
                <td>{tierText(words, i.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 id="diff-criteria">{t("rules:diff.criteriaHeading", { count: diff.criteria.length })}</h3>
        <table className="rule-table" aria-labelledby="diff-criteria" data-testid="diff-criteria">
          <thead>
            <tr>
              <th scope="col">{t("rules:diff.change")}</th>
              <th scope="col">{before}</th>
              <th scope="col">{after}</th>
              <th scope="col">{t("rules:diff.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {diff.criteria.map((c) => {
              const from = c.change === "added" ? undefined : c.from;
              const to = c.change === "removed" ? undefined : c.to;
              return (
                <tr
                  key={`${from?.id ?? ""}>${to?.id ?? ""}`}
                  data-change={c.change}
                  data-from={from?.id}
                  data-to={to?.id}
                >
                  <th scope="row">{changeLabel(words, c)}</th>
                  <td>
                    <Side words={words} view={from} />
                  </td>
                  <td>
                    <Side words={words} view={to} />
                  </td>
                  <td>
                    {c.review.length
                      ? c.review
                          .map((code) => `${code} ${t(`rules:review.items.${code}.title`)}`)
                          .join(t("precheck:panel.listSeparator"))
                      : t("rules:diff.noReason")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </>
    );
  });
}
