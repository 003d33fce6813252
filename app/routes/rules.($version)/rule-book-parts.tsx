import { Form, Link } from "@remix-run/react";
import { indicationKey } from "~/i18n/screen-keys";
import { dateText, useWords } from "~/components/rule-book/criterion-entry";
import { RuleSetDiffView } from "~/components/rule-book/rule-set-diff";
import { SourceLinks } from "~/components/rule-book/source-links";
import type { RuleBook, RuleSetValidity } from "~/domain/eligibility/rule-book";
import type { RuleSetDiff } from "~/domain/eligibility/rule-diff";

export const groups = ["indication", "general", "consistency"] as const;

/** The page's table of contents: the sets, the indications, each group of criteria, what changed, the review. */
export function Contents() {
  const { t } = useWords();
  return (
    <nav aria-label={t("rules:contents")}>
      <ul>
        <li>
          <a href="#sets">{t("rules:sets.heading")}</a>
        </li>
        <li>
          <a href="#indications">{t("rules:indications.heading")}</a>
        </li>
        {groups.map((g) => (
          <li key={g}>
            <a href={`#group-${g}`}>{t(`rules:groups.${g}`)}</a>
          </li>
        ))}
        <li>
          <a href="#changes">{t("rules:diff.heading")}</a>
        </li>
        <li>
          <a href="#review">{t("rules:review.heading")}</a>
        </li>
      </ul>
    </nav>
  );
}

/** Every rule set with its dates and whether it is in force; the one shown is marked as the current page. */
export function RuleSetsTable({ sets, current }: { sets: RuleSetValidity[]; current: string }) {
  const words = useWords();
  const { t } = words;
  return (
    <section aria-labelledby="sets">
      <h2 id="sets">{t("rules:sets.heading")}</h2>
      <table className="rule-table" data-testid="rule-sets">
        <caption>{t("rules:sets.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rules:sets.version")}</th>
            <th scope="col">{t("rules:sets.effectiveFrom")}</th>
            <th scope="col">{t("rules:sets.effectiveTo")}</th>
            <th scope="col">{t("rules:sets.publishedOn")}</th>
            <th scope="col">{t("rules:sets.reviewDueOn")}</th>
            <th scope="col">{t("rules:sets.replaces")}</th>
            <th scope="col">{t("rules:sets.state")}</th>
          </tr>
        </thead>
        <tbody>
          {sets.map((s) => (
            <tr key={s.version} data-version={s.version} data-in-force={s.inForce ? "true" : "false"}>
              <th scope="row">
                {s.version === current ? (
                  <span aria-current="page">{s.version}</span>
                ) : (
                  <Link to={`/rules/${s.version}`}>{s.version}</Link>
                )}
              </th>
              <td>{dateText(words, s.effectiveFrom)}</td>
              <td>{s.effectiveTo ? dateText(words, s.effectiveTo) : t("rules:sets.openEnded")}</td>
              <td>{dateText(words, s.publishedOn)}</td>
              <td>
                {dateText(words, s.reviewDueOn)}
                {s.reviewOverdue ? ` (${t("rules:sets.overdue")})` : null}
              </td>
              <td>{s.replaces ?? t("rules:sets.none")}</td>
              <td>{s.inForce ? t("rules:sets.inForce") : t("rules:sets.notInForce")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Each indication's programme, since when, where it falls when not covered, and its sources. */
export function IndicationsTable({ book }: { book: RuleBook }) {
  const words = useWords();
  const { t } = words;
  return (
    <section aria-labelledby="indications">
      <h2 id="indications">{t("rules:indications.heading")}</h2>
      <table className="rule-table" data-testid="rule-indications">
        <caption>{t("rules:indications.caption", { version: book.version })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rules:indications.indication")}</th>
            <th scope="col">{t("rules:indications.tier")}</th>
            <th scope="col">{t("rules:indications.since")}</th>
            <th scope="col">{t("rules:indications.fallsTo")}</th>
            <th scope="col">{t("rules:criteria.sources")}</th>
          </tr>
        </thead>
        <tbody>
          {book.indications.map((i) => (
            <tr key={i.code} data-indication={i.code}>
              <th scope="row">{t(indicationKey(i.code))}</th>
              <td>{t(`rules:programmes.${i.programme}`)}</td>
              <td>{i.since ? dateText(words, i.since) : t("rules:sets.none")}</td>
              <td>
                {i.fallsTo
                  ? t(`rules:programmesByCoverage.${i.fallsTo}`)
                  : i.programme === "insurance"
                    ? t("rules:indications.fallsNowhere")
                    : t("rules:sets.none")}
              </td>
              <td>
                <SourceLinks sources={i.sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "What changed": a form choosing two versions (plain GET, no script) and their differences. */
export function WhatChanged(props: { version: string; versions: string[]; diff: RuleSetDiff | null }) {
  const { t } = useWords();
  const { version, versions, diff } = props;
  return (
    <section aria-labelledby="changes" data-testid="what-changed">
      <h2 id="changes">{t("rules:diff.heading")}</h2>
      <Form method="get" action={`/rules/${version}#changes`} className="rule-book__compare">
        <label htmlFor="compare-from">{t("rules:diff.from")}</label>
        <select id="compare-from" name="from" defaultValue={diff?.from}>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <label htmlFor="compare-to">{t("rules:diff.to")}</label>
        <select id="compare-to" name="to" defaultValue={diff?.to ?? versions.at(-1)}>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("rules:diff.submit")}
        </button>
      </Form>
      {diff ? (
        <>
          <p>{t("rules:diff.intro", { from: diff.from, to: diff.to })}</p>
          <RuleSetDiffView diff={diff} />
        </>
      ) : (
        <p>{t("rules:diff.none")}</p>
      )}
    </section>
  );
}
