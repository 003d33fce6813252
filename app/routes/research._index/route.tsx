import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { K_ANONYMITY } from "~/domain/research/deidentify";
import { requireRole } from "~/modules/accounts/guards.server";
import { researchCohort, researchRoles } from "~/modules/research/research-export.service.server";
import { getDb } from "~/utils/db.server";

export const handle = { titleKey: "research:pageTitle" };

/** The research export page (issue #11): what the export holds and leaves out, today's counts, the two downloads. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, researchRoles);
  const cohort = await researchCohort(await getDb());
  return { consented: cohort.consented, released: cohort.rows.length, suppressed: cohort.suppressed, k: K_ANONYMITY };
}

export default function ResearchExport() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("research:heading")}</h1>
      <p>{t("research:intro")}</p>
      <p>{t("research:kAnonymity", { k: d.k })}</p>
      <section aria-labelledby="cohort-heading">
        <h2 id="cohort-heading">{t("research:summaryHeading")}</h2>
        <dl className="referral-facts" data-testid="research-summary">
          <div>
            <dt>{t("research:consented")}</dt>
            <dd data-testid="consented">{d.consented}</dd>
          </div>
          <div>
            <dt>{t("research:released")}</dt>
            <dd data-testid="released">{d.released}</dd>
          </div>
          <div>
            <dt>{t("research:suppressed")}</dt>
            <dd data-testid="suppressed">{d.suppressed}</dd>
          </div>
        </dl>
        {d.released === 0 ? (
          <p className="notice" data-testid="none-released">
            {t("research:noneReleased")}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="download-heading">
        <h2 id="download-heading">{t("research:downloadHeading")}</h2>
        <p id="research-audited">{t("research:audited")}</p>
        <ul>
          <li>
            <a href="/research/export.csv" download aria-describedby="research-audited" data-testid="research-csv">
              {t("research:csv")}
            </a>
          </li>
          <li>
            <a href="/research/dictionary.json" download data-testid="research-dictionary">
              {t("research:dictionaryLink")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
