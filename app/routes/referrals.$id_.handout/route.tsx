import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { PrintButton } from "~/components/intake/print-button";
import { isLanguage, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { requireOwnReferral } from "~/modules/intake/guards.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { personName } from "~/i18n/person-name";

export const handle = { titleKey: "intake:handout.pageTitle" };
export const links = () => [{ rel: "stylesheet", href: intakeStylesUrl }];

/**
 * The patient's handout, in the patient's language: the reference code and how to follow the referral at /status
 * with it and the date of birth. No diagnosis and no decision on it: it may be read by anyone the patient shows it to.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, referral } = await requireOwnReferral(request, params.id);
  if (!referral.reference_code) throw redirect(`/referrals/${referral.id}/edit`);
  const lang: Language = isLanguage(referral.patient_language) ? referral.patient_language : "en";
  const t = tFor(lang, ["intake", "common"]);
  const names = await siteNames(db);
  const site = referral.site_code ? (names[referral.site_code as keyof typeof names]?.[lang] ?? referral.site_code) : "";
  const statusUrl = `${new URL(request.url).origin}/status`;
  return {
    id: referral.id,
    lang,
    code: referral.reference_code,
    statusUrl,
    texts: {
      title: t("handout.title"),
      greeting: t("handout.greeting", { name: personName(referral.patient_family_name ?? "", referral.patient_given_name ?? "") }),
      sent: t("handout.sent", { site }),
      codeLabel: t("handout.codeLabel"),
      howTitle: t("handout.howTitle"),
      steps: [t("handout.step1"), t("handout.step2"), t("handout.step3")],
      privacy: t("handout.privacy"),
      next: t("handout.next"),
      doctor: t("handout.doctor", { name: personName(user.familyName, user.givenName), institution: user.institution }),
    },
  };
}

export default function Handout() {
  const { t } = useTranslation();
  const { id, lang, code, statusUrl, texts } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/referrals/${id}`}>{t("intake:handout.back")}</Link>
        </p>
        <PrintButton />
      </div>
      <article className="printable" lang={lang} data-testid="handout">
        <h1>{texts.title}</h1>
        <p>{texts.greeting}</p>
        <p>{texts.sent}</p>
        <p>{texts.codeLabel}</p>
        <p className="confirmation__code" data-testid="handout-code">
          {code}
        </p>
        <h2>{texts.howTitle}</h2>
        <ol>
          <li>
            {texts.steps[0]} <strong className="printable__url">{statusUrl}</strong>
          </li>
          <li>{texts.steps[1]}</li>
          <li>{texts.steps[2]}</li>
        </ol>
        <p>{texts.privacy}</p>
        <p>{texts.next}</p>
        <p>{texts.doctor}</p>
      </article>
    </>
  );
}
