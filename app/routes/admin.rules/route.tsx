import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import ruleBookStyles from "~/components/rule-book/rule-book.css?url";
import { ruleSetValidity } from "~/domain/eligibility/rule-book";
import { formatCalendarDate } from "~/i18n/format";
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
  const { t, i18n } = useTranslation();
  const { sets } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const report = answer?.report;
  const inForce = sets.find((s) => s.inForce);
  const date = (iso: string) => formatCalendarDate(iso, i18n.language);
  return (
    <>
      <h1>{t("rules:admin.heading")}</h1>
      <p>
        <Link to="/rules">{t("rules:admin.bookLink")}</Link>
      </p>
      <table className="rule-table" data-testid="admin-rule-sets">
        <caption>{t("rules:sets.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rules:sets.version")}</th>
            <th scope="col">{t("rules:sets.effectiveFrom")}</th>
            <th scope="col">{t("rules:sets.publishedOn")}</th>
            <th scope="col">{t("rules:sets.reviewDueOn")}</th>
            <th scope="col">{t("rules:sets.state")}</th>
          </tr>
        </thead>
        <tbody>
          {sets.map((s) => (
            <tr key={s.version} data-version={s.version}>
              <th scope="row">
                <Link to={`/rules/${s.version}`}>{s.version}</Link>
              </th>
              <td>{date(s.effectiveFrom)}</td>
              <td>{date(s.publishedOn)}</td>
              <td>
                {date(s.reviewDueOn)}
                {s.reviewOverdue ? ` (${t("rules:sets.overdue")})` : null}
              </td>
              <td>{s.inForce ? t("rules:sets.inForce") : t("rules:sets.notInForce")}</td>
            </tr>
          ))}
        </tbody>
      </table>

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
