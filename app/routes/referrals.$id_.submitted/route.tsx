import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { isLanguage } from "~/i18n/config";
import { requireOwnSent } from "~/modules/intake/guards.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { stylesheets } from "~/utils/stylesheets";

export const handle = { titleKey: "intake:submitted.title" };
export const links = () => stylesheets(panelStylesUrl, intakeStylesUrl);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, referral } = await requireOwnSent(request, params.id);
  return {
    id: referral.id,
    code: referral.referenceCode,
    site: referral.siteCode,
    patientLanguage: referral.patient.language ?? "en",
    decision: referral.decision,
    siteNames: await siteNames(db),
  };
}

/** The confirmation: the reference code to hand to the patient, the screen's decision, and what to print. */
export default function Submitted() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const data = useLoaderData<typeof loader>();
  const site = data.site ? (data.siteNames[data.site as keyof typeof data.siteNames]?.[lng] ?? data.site) : "";
  return (
    <>
      <div className="confirmation" data-testid="confirmation">
        <h1>{t("intake:submitted.title")}</h1>
        <p>{t("intake:submitted.codeLabel")}</p>
        <p className="confirmation__code" data-testid="reference-code">
          {data.code}
        </p>
      </div>
      <p className="lead">{t("intake:submitted.next", { site })}</p>
      <h2>{t("intake:submitted.printTitle")}</h2>
      <ul className="print-links">
        <li>
          <Link to={`/referrals/${data.id}/summary`}>{t("intake:submitted.printSummary")}</Link>
        </li>
        <li>
          <Link to={`/referrals/${data.id}/handout`}>
            {t("intake:submitted.printHandout", { language: t(`intake:languageNames.${data.patientLanguage}`) })}
          </Link>
        </li>
      </ul>
      <p>{t("intake:submitted.handoutHint")}</p>
      {data.decision ? <DecisionPanel decision={data.decision} siteNames={data.siteNames} /> : null}
      <p className="button-row">
        <Link to={`/referrals/${data.id}`} className="button">
          {t("intake:submitted.open")}
        </Link>
        <Link to="/referrals">{t("intake:submitted.list")}</Link>
      </p>
    </>
  );
}
