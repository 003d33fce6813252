import type { ReactNode } from "react";
import type { Words } from "~/components/decision-panel/format";
import { indicationKey } from "~/i18n/screen-keys";
import type { CriterionView, IndicationView } from "~/domain/eligibility/rule-book";
import type { CriterionChange, RuleSetDiff } from "~/domain/eligibility/rule-diff";
import { applicabilityText, dateText, reviewText, strengthText, useWords } from "./criterion-entry";
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

/** One table of the differences, under its own heading, which names it. */
function DiffTable(props: { id: string; heading: string; headers: string[]; children: ReactNode }) {
  return (
    <>
      <h3 id={props.id}>{props.heading}</h3>
      <table className="rule-table" aria-labelledby={props.id} data-testid={props.id}>
        <thead>
          <tr>
            {props.headers.map((header, index) => (
              <th scope="col" key={index}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </>
  );
}

/** The criterion before and after: none before an addition, none after a removal. */
const sides = (c: CriterionChange) => ({
  from: c.change === "added" ? undefined : c.from,
  to: c.change === "removed" ? undefined : c.to,
});
const rowKey = (c: CriterionChange) => `${sides(c).from?.id ?? ""}>${sides(c).to?.id ?? ""}`;

/** A criterion before and after, what changed in it, and the review items that gave the reason. */
function CriterionRow({ words, change: c }: { words: Words; change: CriterionChange }) {
  const { t } = words;
  const { from, to } = sides(c);
  return (
    <tr data-change={c.change} data-from={from?.id} data-to={to?.id}>
      <th scope="row">{changeLabel(words, c)}</th>
      <td>
        <Side words={words} view={from} />
      </td>
      <td>
        <Side words={words} view={to} />
      </td>
      <td>{c.review.length ? reviewText(words, c.review) : t("rules:diff.noReason")}</td>
    </tr>
  );
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
        <DiffTable
          id="diff-indications"
          heading={t("rules:diff.indicationsHeading", { count: diff.indications.length })}
          headers={[t("rules:indications.indication"), before, after]}
        >
          {diff.indications.map((i) => (
            <tr key={i.code} data-indication={i.code}>
              <th scope="row">{t(indicationKey(i.code))}</th>
              <td>{tierText(words, i.from)}</td>
              <td>{tierText(words, i.to)}</td>
            </tr>
          ))}
        </DiffTable>
        <DiffTable
          id="diff-criteria"
          heading={t("rules:diff.criteriaHeading", { count: diff.criteria.length })}
          headers={[t("rules:diff.change"), before, after, t("rules:diff.reason")]}
        >
          {diff.criteria.map((c) => (
            <CriterionRow key={rowKey(c)} words={words} change={c} />
          ))}
        </DiffTable>
      </>
    );
  });
}
