import { useTranslation } from "react-i18next";
import type { DecisionJson } from "~/domain/screen";
import { resolveKey } from "~/domain/eligibility/resolve-key";
import { formatExpected, formatValue, type Words } from "./format";
import { Heading } from "./heading";

type Criterion = DecisionJson["criteria"][number];
export type Status = Criterion["status"];

// NOTE: eligibility.md — not met, flags and unknowns are what the referrer must act on, so they come first.
const groupOrder: Status[] = ["not_met", "flag", "unknown"];
// A symbol beside each status word: the meaning never rests on colour alone (WCAG 1.4.1).
const statusSymbol: Record<Status, string> = { met: "✓", not_met: "✕", flag: "!", unknown: "?", not_applicable: "–" };

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`tag tag--${status}`}>
      <span aria-hidden="true" className="tag__symbol">
        {statusSymbol[status]}
      </span>{" "}
      {t(`screen:statuses.${status}`)}
    </span>
  );
}

/** One criterion: its name and status, the value given and the one expected, its details and what would change it. */
function CriterionItem({ criterion, words }: { criterion: Criterion; words: Words }) {
  const { t } = words;
  const hasValue = criterion.value !== undefined;
  return (
    <li
      className={`criterion criterion--${criterion.status}`}
      data-criterion={criterion.id}
      data-status={criterion.status}
    >
      <p className="criterion__head">
        <strong className="criterion__name">{t(`screen:criteria.${criterion.id}.name`)}</strong>{" "}
        <StatusTag status={criterion.status} />
      </p>
      <dl className="criterion__facts">
        <div>
          <dt>{t("screen:labels.value")}</dt>
          <dd>
            {hasValue
              ? formatValue(words, criterion.id, criterion.value, criterion.expected)
              : t("precheck:panel.notGiven")}
          </dd>
        </div>
        {criterion.expected !== undefined ? (
          <div>
            <dt>{t("screen:labels.expected")}</dt>
            <dd>{formatExpected(words, criterion.id, criterion.expected)}</dd>
          </div>
        ) : null}
      </dl>
      {criterion.details ? (
        <ul className="criterion__details">
          {Object.entries(criterion.details).map(([key, value]) => (
            <li key={key}>{t(`screen:details.${key}`, { value })}</li>
          ))}
        </ul>
      ) : null}
      {criterion.status === "not_applicable" ? (
        <p className="criterion__resolve">
          {t(criterion.resolve ? `screen:resolve.${criterion.resolve}` : "screen:notApplicableLabel")}
        </p>
      ) : criterion.status !== "met" ? (
        <p className="criterion__resolve">
          <span className="criterion__resolve-label">{t("screen:labels.whatWouldChange")}</span>{" "}
          {t(resolveKey(criterion.id, criterion.status === "flag" ? criterion.resolve : undefined))}
        </p>
      ) : null}
    </li>
  );
}

/** A folded group of criteria (met, or not applicable), counted in its summary. */
function FoldedGroup({
  className,
  summary,
  list,
  words,
}: {
  className: string;
  summary: string;
  list: Criterion[];
  words: Words;
}) {
  if (!list.length) return null;
  return (
    <details className={`criteria-group ${className}`}>
      <summary>{summary}</summary>
      <ul className="criteria">
        {list.map((criterion) => (
          <CriterionItem key={criterion.id} criterion={criterion} words={words} />
        ))}
      </ul>
    </details>
  );
}

/**
 * Every criterion with its status in words: what must be acted on first, in open groups by status, then the met and
 * the not applicable ones folded away.
 */
export function CriteriaSection({
  criteria,
  words,
  level,
  id,
}: {
  criteria: Criterion[];
  words: Words;
  level: number;
  id: (part: string) => string;
}) {
  const { t } = words;
  const byStatus = (status: Status) => criteria.filter((c) => c.status === status);
  const met = byStatus("met");
  const notApplicable = byStatus("not_applicable");
  return (
    <>
      <Heading level={level} id={id("criteria")}>
        {t("screen:labels.criteria")}
      </Heading>
      {groupOrder.map((status) => {
        const list = byStatus(status);
        if (!list.length) return null;
        return (
          <div className="criteria-group" key={status}>
            <Heading level={level + 1} id={id(`group-${status}`)}>
              <StatusTag status={status} />{" "}
              <span className="criteria-group__count">{t("precheck:panel.count", { count: list.length })}</span>
            </Heading>
            <ul className="criteria" aria-labelledby={id(`group-${status}`)}>
              {list.map((criterion) => (
                <CriterionItem key={criterion.id} criterion={criterion} words={words} />
              ))}
            </ul>
          </div>
        );
      })}
      <FoldedGroup
        className="criteria-group--met"
        summary={t("precheck:panel.metSummary", { count: met.length })}
        list={met}
        words={words}
      />
      <FoldedGroup
        className="criteria-group--not-applicable"
        summary={t("precheck:panel.notApplicableSummary", { count: notApplicable.length })}
        list={notApplicable}
        words={words}
      />
    </>
  );
}
