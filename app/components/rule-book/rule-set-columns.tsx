import { Link } from "@remix-run/react";
import type { DataColumn } from "~/components/data-table/data-table";
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
  const version: Column = {
    key: "version",
    header: t("rules:sets.version"),
    rowHeader: true,
    cell: (s) =>
      s.version === current ? (
        <span aria-current="page">{s.version}</span>
      ) : (
        <Link to={`/rules/${s.version}`}>{s.version}</Link>
      ),
  };
  const effectiveFrom: Column = {
    key: "effectiveFrom",
    header: t("rules:sets.effectiveFrom"),
    cell: (s) => dateText(words, s.effectiveFrom),
  };
  const effectiveTo: Column = {
    key: "effectiveTo",
    header: t("rules:sets.effectiveTo"),
    cell: (s) => (s.effectiveTo ? dateText(words, s.effectiveTo) : t("rules:sets.openEnded")),
  };
  const publishedOn: Column = {
    key: "publishedOn",
    header: t("rules:sets.publishedOn"),
    cell: (s) => dateText(words, s.publishedOn),
  };
  const reviewDueOn: Column = {
    key: "reviewDueOn",
    header: t("rules:sets.reviewDueOn"),
    cell: (s) =>
      s.reviewOverdue
        ? `${dateText(words, s.reviewDueOn)} (${t("rules:sets.overdue")})`
        : dateText(words, s.reviewDueOn),
  };
  const replaces: Column = {
    key: "replaces",
    header: t("rules:sets.replaces"),
    cell: (s) => s.replaces ?? t("rules:sets.none"),
  };
  const state: Column = {
    key: "state",
    header: t("rules:sets.state"),
    cell: (s) => (s.inForce ? t("rules:sets.inForce") : t("rules:sets.notInForce")),
  };
  return { version, effectiveFrom, effectiveTo, publishedOn, reviewDueOn, replaces, state };
}
