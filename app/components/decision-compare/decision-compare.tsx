import { useTranslation } from "react-i18next";
import { StatusTag } from "~/components/decision-panel/decision-panel";
import { formatValue, type Words } from "~/components/decision-panel/format";
import type { CriterionPair, DecisionComparison } from "~/domain/decision-compare";

type CriterionJson = NonNullable<CriterionPair["after"]>;

function Cell({ words, c, version }: { words: Words; c: CriterionJson | undefined; version: string }) {
  if (!c) return <td>{words.t("rules:compare.notInSet", { version })}</td>;
  return (
    <td data-status={c.status}>
      <StatusTag status={c.status} />
      {c.value !== undefined ? (
        <span className="compare__value">{` ${formatValue(words, c.id, c.value, c.expected)}`}</span>
      ) : null}
    </td>
  );
}

function Rows({
  pairs,
  words,
  before,
  after,
}: {
  pairs: CriterionPair[];
  words: Words;
  before: string;
  after: string;
}) {
  const { t } = words;
  const name = (c: CriterionJson) => t(`screen:criteria.${c.id}.name`);
  return (
    <>
      {pairs.map((p) => {
        const label =
          p.after && p.before && p.after.id !== p.before.id
            ? t("rules:compare.renamed", { after: name(p.after), before: name(p.before) })
            : name((p.after ?? p.before)!);
        return (
          <tr
            key={`${p.before?.id ?? ""}>${p.after?.id ?? ""}`}
            data-before={p.before?.id}
            data-after={p.after?.id}
            data-changed={p.changed ? "true" : "false"}
          >
            <th scope="row">{label}</th>
            <Cell words={words} c={p.before} version={before} />
            <Cell words={words} c={p.after} version={after} />
          </tr>
        );
      })}
    </>
  );
}

/**
 * Two decisions on the same referral side by side (re-screening): outcome and coverage before and after, the
 * criteria that changed first, those that did not folded away.
 */
export function DecisionCompare({
  comparison,
  headingLevel = 2,
}: {
  comparison: DecisionComparison;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const words: Words = { t, exists: (key) => i18n.exists(key), lng: i18n.language };
  const Heading = `h${headingLevel}` as "h2";
  const Sub = `h${headingLevel + 1}` as "h3";
  const before = comparison.before.rulesetVersion;
  const after = comparison.after.rulesetVersion;
  const changed = comparison.criteria.filter((p) => p.changed);
  const same = comparison.criteria.filter((p) => !p.changed);
  const head = (
    <thead>
      <tr>
        <th scope="col">{t("rules:compare.criterion")}</th>
        <th scope="col">{t("rules:compare.before", { version: before })}</th>
        <th scope="col">{t("rules:compare.after", { version: after })}</th>
      </tr>
    </thead>
  );
  return (
    <section
      aria-labelledby="rescreen-heading"
      id="rescreen"
      data-testid="decision-compare"
      data-direction={comparison.direction}
    >
      <Heading id="rescreen-heading">{t("rules:compare.heading")}</Heading>
      <p>{t("rules:compare.intro", { before, after })}</p>
      <table className="rule-table compare-table" data-testid="compare-summary">
        <caption>{t(`rules:compare.direction.${comparison.direction}`)}</caption>
        {head}
        <tbody>
          <tr data-row="outcome">
            <th scope="row">{t("screen:labels.outcome")}</th>
            <td data-outcome={comparison.before.outcome}>{t(`screen:outcomes.${comparison.before.outcome}.label`)}</td>
            <td data-outcome={comparison.after.outcome}>{t(`screen:outcomes.${comparison.after.outcome}.label`)}</td>
          </tr>
          <tr data-row="coverage">
            <th scope="row">{t("screen:labels.coverage")}</th>
            <td data-coverage={comparison.before.coverage}>
              {t(`screen:coverage.${comparison.before.coverage}.label`)}
            </td>
            <td data-coverage={comparison.after.coverage}>{t(`screen:coverage.${comparison.after.coverage}.label`)}</td>
          </tr>
        </tbody>
      </table>
      <Sub id="rescreen-changed">{t("rules:compare.changedHeading", { count: changed.length })}</Sub>
      {changed.length ? (
        <table className="rule-table compare-table" aria-labelledby="rescreen-changed" data-testid="compare-changed">
          {head}
          <tbody>
            <Rows pairs={changed} words={words} before={before} after={after} />
          </tbody>
        </table>
      ) : (
        <p>{t("rules:compare.noneChanged")}</p>
      )}
      {same.length ? (
        <details>
          <summary>{t("rules:compare.unchanged", { count: same.length })}</summary>
          <table className="rule-table compare-table" aria-label={t("rules:compare.unchanged", { count: same.length })}>
            {head}
            <tbody>
              <Rows pairs={same} words={words} before={before} after={after} />
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
