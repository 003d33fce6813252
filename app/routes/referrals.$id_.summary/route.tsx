import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { AttachmentList } from "~/components/intake/attachment-list";
import { CaseSummary } from "~/components/intake/case-summary";
import { useDateTime } from "~/components/intake/history";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { PrintButton } from "~/components/intake/print-button";
import { intlLocale } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { requireOwnSent } from "~/modules/intake/guards.server";
import { getPath } from "~/modules/intake/intake-form";
import { caseOf, referralToday } from "~/modules/intake/intake.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { personName } from "~/i18n/person-name";
import { regionNames } from "~/i18n/intl-cache";
import { stylesheets } from "~/utils/stylesheets";

export const handle = { titleKey: "intake:summary.pageTitle" };
export const links = () => stylesheets(panelStylesUrl, intakeStylesUrl);

/** The referral as sent, for the patient's file: code, answers, documents and the screen's decision. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, referral } = await requireOwnSent(request, params.id);
  const { lng } = translatorFor(request);
  const saved = caseOf(referral);
  const residence = getPath(saved, "patient.residenceCountry");
  const regions = regionNames(intlLocale[lng]);
  return {
    id: referral.id,
    code: referral.referenceCode,
    submittedAt: referral.submittedAt,
    caseData: saved,
    // The questions that applied are those of the referral date.
    today: typeof saved.referredOn === "string" ? saved.referredOn : referralToday(new Date()),
    physician: { family: user.familyName, given: user.givenName, institution: user.institution },
    attachments: await listAttachments(db, referral.id),
    decision: referral.decision,
    countryNames:
      typeof residence === "string" && /^[A-Z]{2}$/.test(residence)
        ? { [residence]: regions.of(residence) ?? residence }
        : {},
    siteNames: await siteNames(db),
  };
}

export default function PrintableSummary() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const when = useDateTime();
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/referrals/${d.id}`}>{t("intake:summary.back")}</Link>
        </p>
        <PrintButton />
      </div>
      <article className="printable" data-testid="printable-summary">
        <h1>{t("intake:summary.title")}</h1>
        <dl className="referral-facts">
          <div>
            <dt>{t("intake:referral.code")}</dt>
            <dd className="referral-facts__code">{d.code}</dd>
          </div>
          {d.submittedAt ? (
            <div>
              <dt>{t("intake:referral.submittedAt")}</dt>
              <dd>{when(d.submittedAt)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("intake:summary.physician")}</dt>
            <dd>
              {t("intake:summary.physicianValue", {
                name: personName(d.physician.family, d.physician.given),
                institution: d.physician.institution,
              })}
            </dd>
          </div>
        </dl>
        <CaseSummary caseData={d.caseData} today={d.today} siteNames={d.siteNames} countryNames={d.countryNames} />
        <section aria-labelledby="summary-files">
          <h2 id="summary-files">{t("intake:sections.documents.title")}</h2>
          <AttachmentList referralId={d.id} items={d.attachments} />
        </section>
        {d.decision ? <DecisionPanel decision={d.decision} siteNames={d.siteNames} /> : null}
      </article>
    </>
  );
}
