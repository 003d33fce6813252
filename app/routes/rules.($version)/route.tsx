import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { indicationKey } from "~/components/decision-panel/labels";
import { CriterionEntry, dateText, useWords } from "~/components/rule-book/criterion-entry";
import { RuleSetDiffView } from "~/components/rule-book/rule-set-diff";
import ruleBookStyles from "~/components/rule-book/rule-book.css?url";
import { ReviewReasons } from "~/components/rule-book/review-reasons";
import { SourceLinks } from "~/components/rule-book/source-links";
import { ruleBookPage } from "~/modules/rules/rules.service.server";
import { notFound } from "~/utils/not-found.server";

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

const groups = ["indication", "general", "consistency"] as const;

export default function RuleBook() {
  const { book, sets, diff, versions } = useLoaderData<typeof loader>();
  const words = useWords();
  const { t } = words;
  const current = sets.find((s) => s.version === book.version)!;
  return (
    <div className="rule-book">
      <h1>{t("rules:heading", { version: book.version })}</h1>
      <p>{t("rules:intro")}</p>
      <p className="rule-book__note">{t("screen:note.finalDecision")}</p>
      <p data-testid="rule-book-state" data-in-force={current.inForce ? "true" : "false"}>
        {current.inForce ? t("rules:sets.inForceText") : t("rules:sets.notInForceText")}
      </p>
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
                  {s.version === book.version ? (
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

      <section aria-labelledby="changes" data-testid="what-changed">
        <h2 id="changes">{t("rules:diff.heading")}</h2>
        <Form method="get" action={`/rules/${book.version}#changes`} className="rule-book__compare">
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

      <ReviewReasons />
    </div>
  );
}
