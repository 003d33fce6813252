import { Form } from "@remix-run/react";
import type { ComponentProps } from "react";
import { ColumnTable, type DataColumn } from "~/components/data-table/data-table";
import type { Words } from "~/components/decision-panel/format";
import { indicationKey } from "~/i18n/screen-keys";
import { dateText, useWords } from "~/components/rule-book/criterion-entry";
import { RuleSetDiffView } from "~/components/rule-book/rule-set-diff";
import { ruleSetColumns } from "~/components/rule-book/rule-set-columns";
import { SourceLinks } from "~/components/rule-book/source-links";
import type { RuleBook, RuleSetValidity } from "~/domain/eligibility/rule-book";
import type { RuleSetDiff } from "~/domain/eligibility/rule-diff";

export const groups = ["indication", "general", "consistency"] as const;

/** The page's table of contents: the sets, the indications, each group of criteria, what changed, the review. */
export function Contents() {
  const { t } = useWords();
  const entries: [target: string, key: string][] = [
    ["sets", "rules:sets.heading"],
    ["indications", "rules:indications.heading"],
    ...groups.map((g): [string, string] => [`group-${g}`, `rules:groups.${g}`]),
    ["changes", "rules:diff.heading"],
    ["review", "rules:review.heading"],
  ];
  return (
    <nav aria-label={t("rules:contents")}>
      <ul>
        {entries.map(([target, key]) => (
          <li key={target}>
            <a href={`#${target}`}>{t(key)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type RuleTableProps<Row> = Pick<ComponentProps<typeof ColumnTable<Row>>, "columns" | "rows" | "rowKey" | "rowProps">;

/** A table of the rule book in a section of its own, named by its heading (`rules:<part>.heading`) and its caption. */
function RuleTable<Row>({ part, caption, ...table }: RuleTableProps<Row> & { part: string; caption: string }) {
  const { t } = useWords();
  return (
    <section aria-labelledby={part}>
      <h2 id={part}>{t(`rules:${part}.heading`)}</h2>
      <ColumnTable
        className="rule-table"
        data-testid={`rule-${part}`}
        caption={<caption>{caption}</caption>}
        {...table}
      />
    </section>
  );
}

/** Every rule set with its dates and whether it is in force; the one shown is marked as the current page. */
export function RuleSetsTable({ sets, current }: { sets: RuleSetValidity[]; current: string }) {
  const words = useWords();
  const { t } = words;
  const c = ruleSetColumns(words, current);
  const columns = [c.version, c.effectiveFrom, c.effectiveTo, c.publishedOn, c.reviewDueOn, c.replaces, c.state];
  return (
    <RuleTable
      part="sets"
      caption={t("rules:sets.caption")}
      columns={columns}
      rows={sets}
      rowKey={(s) => s.version}
      rowProps={(s) => ({ "data-version": s.version, "data-in-force": s.inForce ? "true" : "false" })}
    />
  );
}

/** Where an indication falls when not covered: a programme, nowhere (insurance itself), or nothing to say. */
function fallsToText(t: Words["t"], i: RuleBook["indications"][number]) {
  if (i.fallsTo) return t(`rules:programmesByCoverage.${i.fallsTo}`);
  return i.programme === "insurance" ? t("rules:indications.fallsNowhere") : t("rules:sets.none");
}

/** Each indication's programme, since when, where it falls when not covered, and its sources. */
export function IndicationsTable({ book }: { book: RuleBook }) {
  const words = useWords();
  const { t } = words;
  const columns: DataColumn<RuleBook["indications"][number]>[] = [
    {
      key: "indication",
      header: t("rules:indications.indication"),
      rowHeader: true,
      cell: (i) => t(indicationKey(i.code)),
    },
    { key: "tier", header: t("rules:indications.tier"), cell: (i) => t(`rules:programmes.${i.programme}`) },
    {
      key: "since",
      header: t("rules:indications.since"),
      cell: (i) => (i.since ? dateText(words, i.since) : t("rules:sets.none")),
    },
    { key: "fallsTo", header: t("rules:indications.fallsTo"), cell: (i) => fallsToText(t, i) },
    { key: "sources", header: t("rules:criteria.sources"), cell: (i) => <SourceLinks sources={i.sources} /> },
  ];
  return (
    <RuleTable
      part="indications"
      caption={t("rules:indications.caption", { version: book.version })}
      columns={columns}
      rows={book.indications}
      rowKey={(i) => i.code}
      rowProps={(i) => ({ "data-indication": i.code })}
    />
  );
}

/** One of the two versions to compare, labelled by its side. */
function VersionSelect(props: { side: "from" | "to"; versions: string[]; defaultValue: string | undefined }) {
  const { t } = useWords();
  const id = `compare-${props.side}`;
  return (
    <>
      <label htmlFor={id}>{t(`rules:diff.${props.side}`)}</label>
      <select id={id} name={props.side} defaultValue={props.defaultValue}>
        {props.versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </>
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
        <VersionSelect side="from" versions={versions} defaultValue={diff?.from} />
        <VersionSelect side="to" versions={versions} defaultValue={diff?.to ?? versions.at(-1)} />
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
