import type { LoaderFunctionArgs } from "@remix-run/node";
import { translatorFor } from "~/i18n/i18n.server";
import { requireOwnReferral } from "~/modules/intake/guards.server";
import { notFound } from "~/utils/not-found.server";
import { siteClockOf } from "~/modules/queue/staff.server";
import { consultationCalendarResponse, readStoredConsultation } from "~/modules/scheduling/calendar-file.server";
import { siteContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";

// /referrals/<id>/consultation.ics: the booked first consultation as a calendar file, for the referring physician
// only (another physician's referral, or one without a booked consultation, is an empty 404). Linked from the
// referral page and from the physician's mail; a link followed while signed out goes through sign-in.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, referral } = await requireOwnReferral(request, params.id);
  const consultation =
    referral.status === "consultation_scheduled" ? readStoredConsultation(referral.consultation) : null;
  if (!consultation || !referral.siteCode) throw notFound();
  const { lng, t } = translatorFor(request);
  const [site, names, contacts] = await Promise.all([
    siteClockOf(db, referral.siteCode),
    siteNames(db),
    siteContactsOf(db, referral.siteCode),
  ]);
  const name = names[referral.siteCode as keyof typeof names]?.[lng] ?? referral.siteCode;
  return consultationCalendarResponse({
    referralId: referral.id,
    consultation,
    site: { code: site.code, timezone: site.timezone, name },
    contacts,
    lng,
    t,
    now: new Date(),
  });
}
