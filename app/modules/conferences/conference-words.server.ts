// A conference's details in the reader's words: moments on the reader's own site's clock (with the zone named, since
// the two teams meet across a border), sites by name, people family name first.
import type { Language } from "~/i18n/config";
import { formatInstant } from "~/i18n/format";
import { personName } from "~/i18n/person-name";
import type { SiteNames } from "~/modules/sites/sites.service.server";
import type { conferenceDetail } from "./conferences.service.server";

type Detail = NonNullable<Awaited<ReturnType<typeof conferenceDetail>>>;

export function conferenceInWords(detail: Detail, lng: Language, timeZone: string, names: SiteNames) {
  const siteName = (code: string) => names[code as keyof SiteNames]?.[lng] ?? code;
  const { conference } = detail;
  const attendeeName = new Map(detail.attendees.map((p) => [p.id, personName(p.familyName, p.givenName)]));
  return {
    id: conference.id,
    status: conference.status,
    startsAt: formatInstant(conference.starts_at, lng, timeZone, "dateTimeZone"),
    startsOn: formatInstant(conference.starts_at, lng, timeZone, "date"),
    duration: conference.duration_minutes,
    cutoff: formatInstant(conference.agenda_cutoff_at, lng, timeZone, "dateTimeZone"),
    heldAt: conference.held_at ? formatInstant(conference.held_at, lng, timeZone, "dateTimeZone") : null,
    place: conference.place,
    videoUrl: conference.video_url,
    chair: detail.chair ? personName(detail.chair.familyName, detail.chair.givenName) : "",
    isChair: detail.isChair,
    attendees: detail.attendees.map((p) => ({
      id: p.id,
      name: personName(p.familyName, p.givenName),
      role: p.role,
      site: siteName(p.siteCode),
    })),
    agenda: detail.agenda.map((a) => ({
      ...a,
      ownerSite: siteName(a.ownerSite),
      patient: a.patient ? personName(a.patient.familyName, a.patient.givenName) : null,
      presenter: a.presenter ? personName(a.presenter.familyName, a.presenter.givenName) : null,
      present: a.present.map((id) => attendeeName.get(id) ?? "").filter(Boolean),
      recordedAt: a.recordedAt ? formatInstant(a.recordedAt, lng, timeZone) : null,
    })),
  };
}
