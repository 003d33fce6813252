import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { PrintButton } from "~/components/intake/print-button";
import { intlLocale, isLanguage, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { requireOwnReferral } from "~/modules/intake/guards.server";
import { getPath } from "~/modules/intake/intake-form";
import { caseOf } from "~/modules/intake/intake.service.server";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { crossBorderRecipients } from "~/domain/routing/site-facts";
import { personName } from "~/i18n/person-name";
import { regionNames } from "~/i18n/intl-cache";

export const handle = { titleKey: "intake:consentNotice.pageTitle" };
export const links = () => [{ rel: "stylesheet", href: intakeStylesUrl }];

/**
 * The three consent notices in the PATIENT's language (ko, ja or en, whatever the page's), to print and hand over
 * or read out: each consent separate, the cross-border one naming the country and hospital (privacy.md rule 2).
 * The words are prepared on the server, since the browser holds only the page language's.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, referral } = await requireOwnReferral(request, params.id);
  const saved = caseOf(referral);
  const asked = new URL(request.url).searchParams.get("lang");
  const preferred = getPath(saved, "patient.preferredLanguage");
  const lang: Language = isLanguage(asked) ? asked : isLanguage(preferred) ? preferred : "en";
  const t = tFor(lang, ["intake", "common"]);
  const regions = regionNames(intlLocale[lang]);
  const recipients = crossBorderRecipients(await siteFacts(db), getPath(saved, "patient.residenceCountry"));
  const named = recipients.map((site) => ({ country: regions.of(site.country) ?? "", hospital: site.names[lang] }));
  const family = getPath(saved, "patient.familyName");
  const given = getPath(saved, "patient.givenName");
  const crossBorder =
    named.length === 1
      ? t("consentNotice.crossBorder.text", { country: named[0]!.country, hospital: named[0]!.hospital })
      : t("consentNotice.crossBorder.textBoth", {
          country1: named[0]!.country,
          hospital1: named[0]!.hospital,
          country2: named[1]!.country,
          hospital2: named[1]!.hospital,
        });
  return {
    id: referral.id,
    lang,
    texts: {
      title: t("consentNotice.title"),
      intro: t("consentNotice.intro"),
      patient:
        typeof family === "string" || typeof given === "string"
          ? t("consentNotice.patient", {
              name: personName(typeof family === "string" ? family : "", typeof given === "string" ? given : ""),
            })
          : null,
      physician: t("consentNotice.physician", {
        name: personName(user.familyName, user.givenName),
        institution: user.institution,
      }),
      sections: [
        {
          id: "sensitiveData",
          title: t("consentNotice.sensitiveData.title"),
          text: t("consentNotice.sensitiveData.text"),
        },
        { id: "crossBorder", title: t("consentNotice.crossBorder.title"), text: crossBorder },
        {
          id: "informedOfDiagnosis",
          title: t("consentNotice.informedOfDiagnosis.title"),
          text: t("consentNotice.informedOfDiagnosis.text"),
        },
        // Issue #11: research use is asked separately, after the three the referral itself needs.
        { id: "research", title: t("consentNotice.research.title"), text: t("consentNotice.research.text") },
        {
          id: "statusUpdates",
          title: t("consentNotice.statusUpdates.title"),
          text: t("consentNotice.statusUpdates.text"),
        },
      ],
      choice: t("consentNotice.choice"),
      agree: t("consentNotice.agree"),
      disagree: t("consentNotice.disagree"),
      rights: t("consentNotice.rights"),
      signature: t("consentNotice.signature"),
      date: t("consentNotice.date"),
    },
  };
}

export default function ConsentNotice() {
  const { t } = useTranslation();
  const { id, lang, texts } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/referrals/${id}/edit/consent`}>{t("intake:consentNotice.back")}</Link>
        </p>
        <PrintButton />
      </div>
      <article className="printable" lang={lang} data-testid="consent-notice">
        <h1>{texts.title}</h1>
        <p>{texts.intro}</p>
        {texts.patient ? <p>{texts.patient}</p> : null}
        <p>{texts.physician}</p>
        {texts.sections.map((section) => (
          <section key={section.id} className="printable__section" aria-labelledby={`notice-${section.id}`}>
            <h2 id={`notice-${section.id}`}>{section.title}</h2>
            <p>{section.text}</p>
            <p className="printable__choice">
              {texts.choice} <span className="printable__box" aria-hidden="true" /> {texts.agree}{" "}
              <span className="printable__box" aria-hidden="true" /> {texts.disagree}
            </p>
          </section>
        ))}
        <p>{texts.rights}</p>
        <p className="printable__sign">
          {texts.signature} <span className="printable__line" /> {texts.date} <span className="printable__line" />
        </p>
      </article>
    </>
  );
}
