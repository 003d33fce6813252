import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLanguage } from "~/i18n/detect";
import { tFor } from "~/i18n/i18n.server";
import { consultationCalendarResponse, readStoredConsultation } from "~/modules/scheduling/calendar-file.server";
import { statusForSession, statusTokenFrom } from "~/modules/status-lookup/status-lookup.service.server";
import { siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/not-found.server";

// /status/view/consultation.ics: the patient's calendar file, opened by the same short status session as the status
// page (the cookie from a code + birth-date lookup); the URL names nothing. Without a live session, or without a
// booked consultation, an empty 404.
export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const session = await statusForSession(db, statusTokenFrom(request), new Date());
  const consultation =
    session.kind === "ok" && session.facts.stage === "consultation_scheduled"
      ? readStoredConsultation(session.consultationJson)
      : null;
  if (session.kind !== "ok" || !consultation) throw notFound();
  const lng = detectLanguage(request, session.facts.patientLanguage);
  const t = tFor(lng);
  const { site } = session.facts;
  return consultationCalendarResponse({
    referralId: session.referralId,
    consultation,
    site: { code: site.code, timezone: site.timezone, name: site.names[lng] },
    contacts: await siteContactsOf(db, site.code),
    lng,
    t,
    now: new Date(),
  });
}
