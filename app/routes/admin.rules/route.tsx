import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { ColumnTable } from "~/components/data-table/data-table";
import { useWords } from "~/components/rule-book/criterion-entry";
import { ruleSetColumns } from "~/components/rule-book/rule-set-columns";
import ruleBookStyles from "~/components/rule-book/rule-book.css?url";
import { ruleSetValidity } from "~/domain/eligibility/rule-book";
import { requireRole } from "~/modules/accounts/guards.server";
import { rescreenAllOpen, type BulkRescreenReport } from "~/modules/rules/rescreen.service.server";
import { rulesToday } from "~/modules/rules/rules.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { RescreenReport } from "./rescreen-report";

// /admin/rules: the rule sets with their dates, and the one administrator action on them: re-screen every open
// referral with the set now in force (issue #9, part 4), reporting how many outcomes changed and which way.

export const handle = { titleKey: "rules:admin.title" };
export const links = () => [{ rel: "stylesheet", href: ruleBookStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return { sets: ruleSetValidity(rulesToday(new Date())) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const form = await request.formData();
  if (form.get("intent") !== "rescreen_all") throw new Response(null, { status: 400 });
  const report = await rescreenAllOpen(await getDb(), admin, { now: new Date(), ip: clientIp(request) });
  return { report } satisfies { report: BulkRescreenReport };
}

export default function AdminRules() {
  const words = useWords();
  const { t } = words;
  const { sets } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const report = answer?.report;
  const inForce = sets.find((s) => s.inForce);
  const c = ruleSetColumns(words, null);
  return (
    <>
      <h1>{t("rules:admin.heading")}</h1>
      <p>
        <Link to="/rules">{t("rules:admin.bookLink")}</Link>
      </p>
      <ColumnTable
        className="rule-table"
        data-testid="admin-rule-sets"
        caption={<caption>{t("rules:sets.caption")}</caption>}
        columns={[c.version, c.effectiveFrom, c.publishedOn, c.reviewDueOn, c.state]}
        rows={sets}
        rowKey={(s) => s.version}
        rowProps={(s) => ({ "data-version": s.version })}
      />

      <section aria-labelledby="rescreen-all">
        <h2 id="rescreen-all">{t("rules:admin.rescreenHeading")}</h2>
        <p>{t("rules:admin.rescreenIntro", { version: inForce?.version ?? "" })}</p>
        <Form method="post" data-form="rescreen-all">
          <CsrfInput />
          <input type="hidden" name="intent" value="rescreen_all" />
          <button type="submit" className="button">
            {t("rules:admin.rescreenButton", { version: inForce?.version ?? "" })}
          </button>
        </Form>
      </section>

      {report ? <RescreenReport report={report} /> : null}
    </>
  );
}
