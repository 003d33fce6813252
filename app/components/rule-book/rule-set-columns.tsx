import { Link } from "@remix-run/react";
import type { DataColumn } from "~/components/data-table/data-table";
import { columnsHeadedBy } from "~/components/data-table/headed-columns";
import type { Words } from "~/components/decision-panel/format";
import type { RuleSetValidity } from "~/domain/eligibility/rule-book";
import { dateText } from "./criterion-entry";

type Column = DataColumn<RuleSetValidity>;

/**
 * The columns a list of rule sets may show, by name, for the rule book and the administrator's page to pick from.
 * The version names its row; it links to the set's page, except the `current` one, which is marked as this page.
 */
export function ruleSetColumns(words: Words, current: string | null) {
  const { t } = words;
  // Every column is headed by its own name in rules:sets.
  const column = columnsHeadedBy<RuleSetValidity>((key) => t(`rules:sets.${key}`));
  const version: Column = {
    ...column("version", (s) =>
      s.version === current ? (
        <span aria-current="page">{s.version}</span>
      ) : (
        <Link to={`/rules/${s.version}`}>{s.version}</Link>
      ),
    ),
    rowHeader: true,
  };
  const effectiveFrom = column("effectiveFrom", (s) => dateText(words, s.effectiveFrom));
  const effectiveTo = column("effectiveTo", (s) =>
    s.effectiveTo ? dateText(words, s.effectiveTo) : t("rules:sets.openEnded"),
  );
  const publishedOn = column("publishedOn", (s) => dateText(words, s.publishedOn));
  const reviewDueOn = column("reviewDueOn", (s) =>
    s.reviewOverdue ? `${dateText(words, s.reviewDueOn)} (${t("rules:sets.overdue")})` : dateText(words, s.reviewDueOn),
  );
  const replaces = column("replaces", (s) => s.replaces ?? t("rules:sets.none"));
  const state = column("state", (s) => (s.inForce ? t("rules:sets.inForce") : t("rules:sets.notInForce")));
  return { version, effectiveFrom, effectiveTo, publishedOn, reviewDueOn, replaces, state };
}
