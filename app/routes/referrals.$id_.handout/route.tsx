import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { PrintButton } from "~/components/intake/print-button";
import { UnconfirmedContactsWarning } from "~/components/site-contacts/unconfirmed-contacts-warning";
import type { Language } from "~/i18n/config";
import { formatInstant } from "~/i18n/format";
import { tFor, translatorFor } from "~/i18n/i18n.server";
import { personName } from "~/i18n/person-name";
import { qrSvgPath } from "~/modules/handout/qr-code.server";
import { requireOwnSent } from "~/modules/intake/guards.server";
import { siteTimeZone } from "~/domain/routing/site-facts";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { publicContact, unconfirmedFields } from "~/modules/site-contacts/site-contacts";
import { siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { statusLinkWithCode } from "~/modules/status-lookup/status-page";
import { siteNames } from "~/modules/sites/sites.service.server";
import { checklistItemsFor } from "~/modules/travel-checklist/travel-checklist.service.server";
import handoutStylesUrl from "./handout.css?url";
import { stylesheets } from "~/utils/stylesheets";

export const handle = { titleKey: "intake:handout.pageTitle" };
export const links = () => stylesheets(intakeStylesUrl, handoutStylesUrl);

/**
 * The patient's handout, in the patient's language, on one A4 page: the date, the reference code (also as a QR
 * code that opens /status with the code filled in; never the birth date), the receiving site's confirmed phone
 * and hours, and the next steps. No diagnosis and no decision on it: it may be read by anyone the patient shows it to.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, referral } = await requireOwnSent(request, params.id);
  const lang: Language = referral.patient.language ?? "en";
  const t = tFor(lang, ["intake", "common", "contacts"]);
  const names = await siteNames(db);
  const site = referral.siteCode ? (names[referral.siteCode as keyof typeof names]?.[lang] ?? referral.siteCode) : "";
  const origin = new URL(request.url).origin;
  const statusUrl = `${origin}/status`;
  const statusLink = statusLinkWithCode(origin, referral.referenceCode);
  const contacts = await siteContactsOf(db, referral.siteCode);
  const contact = publicContact(contacts, lang);
  const timezone = siteTimeZone(await siteFacts(db), referral.siteCode);
  const travel = await checklistItemsFor(db, referral);
  const page = translatorFor(request);
  return {
    id: referral.id,
    lang,
    code: referral.referenceCode,
    statusUrl,
    qr: qrSvgPath(statusLink),
    // Shown to the physician only (not printed): what the site has not confirmed is left off the handout.
    unconfirmed: referral.siteCode ? unconfirmedFields(contacts).filter((f) => f === "phone" || f === "hours") : [],
    siteForWarning: referral.siteCode
      ? (names[referral.siteCode as keyof typeof names]?.[page.lng] ?? referral.siteCode)
      : "",
    texts: {
      title: t("handout.title"),
      date: t("contacts:handout.date", {
        date: formatInstant(new Date(), lang, timezone, "date"),
      }),
      greeting: t("handout.greeting", {
        name: personName(referral.patient.familyName ?? "", referral.patient.givenName ?? ""),
      }),
      sent: t("handout.sent", { site }),
      codeLabel: t("handout.codeLabel"),
      qrLabel: t("contacts:handout.qrLabel"),
      qrHint: t("contacts:handout.qrHint"),
      howTitle: t("handout.howTitle"),
      steps: [t("handout.step1"), t("handout.step2"), t("handout.step3")],
      privacy: t("handout.privacy"),
      nextTitle: t("contacts:handout.nextTitle"),
      next: [t("handout.next"), ...(travel ? [t("contacts:handout.travel", { site })] : [])],
      contactTitle: t("contacts:handout.contactTitle", { site }),
      contactName: contact.name,
      phoneLabel: t("contacts:handout.phone"),
      phone: contact.phone,
      hoursLabel: t("contacts:handout.hours"),
      hours: contact.hours,
      noContact: t("contacts:handout.noContact"),
      doctor: t("handout.doctor", {
        name: personName(user.familyName, user.givenName),
        institution: user.institution,
      }),
    },
  };
}

function QrCode({ qr, label }: { qr: { viewBox: string; path: string }; label: string }) {
  return (
    <svg
      className="handout__qr"
      viewBox={qr.viewBox}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="handout-qr"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}

export default function Handout() {
  const { t } = useTranslation();
  const { id, lang, code, statusUrl, qr, unconfirmed, siteForWarning, texts } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/referrals/${id}`}>{t("intake:handout.back")}</Link>
        </p>
        {unconfirmed.length > 0 ? (
          <UnconfirmedContactsWarning site={siteForWarning} fields={unconfirmed} context="handout" />
        ) : null}
        <PrintButton />
      </div>
      <article className="printable handout" lang={lang} data-testid="handout">
        <p className="handout__date" data-testid="handout-date">
          {texts.date}
        </p>
        <h1>{texts.title}</h1>
        <p>{texts.greeting}</p>
        <p>{texts.sent}</p>
        <div className="handout__code">
          <div>
            <p>{texts.codeLabel}</p>
            <p className="confirmation__code" data-testid="handout-code">
              {code}
            </p>
            <p className="handout__hint">{texts.qrHint}</p>
          </div>
          <QrCode qr={qr} label={texts.qrLabel} />
        </div>
        <h2>{texts.howTitle}</h2>
        <ol>
          <li>
            {texts.steps[0]} <strong className="printable__url">{statusUrl}</strong>
          </li>
          <li>{texts.steps[1]}</li>
          <li>{texts.steps[2]}</li>
        </ol>
        <p>{texts.privacy}</p>
        <h2>{texts.nextTitle}</h2>
        <ul>
          {texts.next.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h2>{texts.contactTitle}</h2>
        {texts.phone || texts.hours ? (
          <>
            {texts.contactName ? <p>{texts.contactName}</p> : null}
            <dl className="handout__contact" data-testid="handout-contact">
              {texts.phone ? (
                <div>
                  <dt>{texts.phoneLabel}</dt>
                  <dd data-testid="handout-phone">{texts.phone}</dd>
                </div>
              ) : null}
              {texts.hours ? (
                <div>
                  <dt>{texts.hoursLabel}</dt>
                  <dd>{texts.hours}</dd>
                </div>
              ) : null}
            </dl>
          </>
        ) : (
          <p>{texts.noContact}</p>
        )}
        <p>{texts.doctor}</p>
      </article>
    </>
  );
}
