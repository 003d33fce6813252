import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CriterionEntry, useWords } from "~/components/rule-book/criterion-entry";
import ruleBookStyles from "~/components/rule-book/rule-book.css?url";
import { ReviewReasons } from "~/components/rule-book/review-reasons";
import { ruleBookPage } from "~/modules/rules/rules.service.server";
import { notFound } from "~/utils/not-found.server";
import { Contents, groups, IndicationsTable, RuleSetsTable, WhatChanged } from "./rule-book-parts";

// /rules and /rules/<version>: the public rule book (no sign-in). Written out from the rule-set data the screen uses,
// so a physician can check a screen against it without reading code. Plain HTML: it needs no script at all.

export const handle = { titleKey: "rules:title", hydrate: false };
export const links = () => [{ rel: "stylesheet", href: ruleBookStyles }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = ruleBookPage(
    params.version,
    { from: url.searchParams.get("from"), to: url.searchParams.get("to") },
    new Date(),
  );
  if (!page) throw notFound();
  return page;
}

export default function RuleBook() {
  const { book, sets, diff, versions } = useLoaderData<typeof loader>();
  const { t } = useWords();
  const current = sets.find((s) => s.version === book.version)!;
  return (
    <div className="rule-book">
      <h1>{t("rules:heading", { version: book.version })}</h1>
      <p>{t("rules:intro")}</p>
      <p className="rule-book__note">{t("screen:note.finalDecision")}</p>
      <p data-testid="rule-book-state" data-in-force={current.inForce ? "true" : "false"}>
        {current.inForce ? t("rules:sets.inForceText") : t("rules:sets.notInForceText")}
      </p>
      <Contents />

      <RuleSetsTable sets={sets} current={book.version} />

      <IndicationsTable book={book} />

      {groups.map((g) => {
        const criteria = book.criteria.filter((c) => c.group === g);
        return criteria.length ? (
          <section key={g} aria-labelledby={`group-${g}`} data-group={g}>
            <h2 id={`group-${g}`}>{t(`rules:groups.${g}`)}</h2>
            <p>{t(`rules:groupIntro.${g}`)}</p>
            {criteria.map((c) => (
              <CriterionEntry key={c.id} criterion={c} headingLevel={3} />
            ))}
          </section>
        ) : null;
      })}

      <WhatChanged version={book.version} versions={versions} diff={diff} />

      <ReviewReasons />
    </div>
  );
}
