import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { detectLanguage } from "~/i18n/detect";
import { tFor } from "~/i18n/i18n.server";
import {
  clearStatusCookie,
  endStatusSessionFor,
  statusForSession,
  statusTokenFrom,
} from "~/modules/status-lookup/status-lookup.service.server";
import { readStoredConsultation } from "~/modules/scheduling/calendar-file.server";
import { sitePlace } from "~/modules/scheduling/site-place";
import { statusWords } from "~/modules/status-lookup/status-words";
import { SiteContactSection } from "~/components/status/site-contact-section";
import { PatientTravelChecklist } from "~/components/travel/patient-travel-checklist";
import { siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { patientChecklist } from "~/modules/travel-checklist/patient-checklist.server";
import { getDb } from "~/utils/db.server";
import travelStyles from "~/components/travel/travel.css?url";
import stylesUrl from "../status/status.css?url";
import { ConsultationSection } from "./consultation-section";

// /status/view: the status a successful lookup opened, for as long as its short session lives. The URL names
// nothing; the session cookie (a random token) is the only key, and it holds no code and no health data.
export const handle = { titleKey: "status:viewTitle", hydrate: false };
export const links = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "stylesheet", href: travelStyles },
];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const session = await statusForSession(db, statusTokenFrom(request), new Date());
  if (session.kind !== "ok") {
    throw redirect(session.kind === "expired" ? "/status?ended=expired" : "/status", {
      headers: { "Set-Cookie": clearStatusCookie() },
    });
  }
  // The reader's language, else the patient's (the root loader decides the same: status-language.server.ts).
  const lng = detectLanguage(request, session.facts.patientLanguage);
  const t = tFor(lng);
  const contacts = await siteContactsOf(db, session.facts.site.code);
  const words = statusWords(session.facts, lng, t, contacts);
  // Where to go and a calendar file, for a booked consultation only; the file's link names nothing (the session is the key).
  const calendar = words.consultation?.time ? readStoredConsultation(session.consultationJson) !== null : false;
  return {
    words,
    place: words.consultation ? sitePlace(contacts, lng) : null,
    calendar,
    travel: await patientChecklist(db, session.referralId, lng),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  // "Check another referral" and "Finish" both end the session the cookie names (and only that one).
  const intent = (await request.formData()).get("intent");
  await endStatusSessionFor(await getDb(), statusTokenFrom(request), new Date());
  return redirect(intent === "finish" ? "/status?ended=finished" : "/status", {
    headers: { "Set-Cookie": clearStatusCookie() },
  });
}

export default function StatusView() {
  const { t } = useTranslation();
  const { words, place, calendar, travel } = useLoaderData<typeof loader>();
  const { consultation, site } = words;
  return (
    <div className="status-page">
      <h1>{t("status:viewTitle")}</h1>
      <section
        className={`status-card status-card--${words.stage}`}
        aria-labelledby="status-stage"
        data-stage={words.stage}
      >
        <p className="status-card__label">{t("status:view.stageLabel")}</p>
        <h2 id="status-stage">{words.headline}</h2>
        <p>{words.explanation}</p>
        <p className="status-card__date">{t("status:view.lastChanged", { date: words.lastChanged })}</p>
      </section>

      {consultation ? (
        <ConsultationSection consultation={consultation} place={place} siteName={site.name} calendar={calendar} />
      ) : null}

      <section aria-labelledby="status-next">
        <h2 id="status-next">{t("status:view.nextHeading")}</h2>
        <ul className="status-list">
          {words.nextSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ul>
      </section>

      {words.whatToBring.length > 0 ? (
        <section aria-labelledby="status-bring">
          <h2 id="status-bring">{t("status:view.bringHeading")}</h2>
          <ul className="status-list" data-list="bring">
            {words.whatToBring.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {travel ? <PatientTravelChecklist checklist={travel} /> : null}

      <SiteContactSection site={site} />

      <section aria-labelledby="status-actions">
        <h2 id="status-actions">{t("status:view.actionsHeading")}</h2>
        <p>{t("status:view.autoClose")}</p>
        <Form method="post" className="status-actions">
          <CsrfInput />
          <button type="submit" name="intent" value="another" className="button button--secondary">
            {t("status:view.another")}
          </button>
          <button type="submit" name="intent" value="finish" className="button">
            {t("status:view.finish")}
          </button>
        </Form>
      </section>
    </div>
  );
}
