// Facts about the partner sites (code, country, time zone, names) as the sites table holds them. The domain never
// reads the table: callers pass the list (app/modules/sites/site-facts.server.ts reads and caches it).
import { siteCodes, type SiteCode } from "./sites";

export type SiteFacts = {
  code: SiteCode;
  /** ISO 3166-1 alpha-2: a site in another country than the patient's residence is a transfer abroad. */
  country: string;
  /** IANA zone of the site's calendar and clock. */
  timezone: string;
  names: { ko: string; ja: string; en: string };
};

/**
 * The portal's one fixed zone, for the few dates that must not depend on who asks: the rule set in force on a date
 * and a referral's date (`referredOn`, which picks the rule set), and the zone of a person the sites table cannot
 * place. Rule sets follow the Japanese fee schedule's revisions, so their dates are Japanese dates; both sites keep
 * UTC+9 without daylight saving, so this is the same date and clock as Korea's (ADR 0024).
 */
export const PORTAL_TIME_ZONE = "Asia/Tokyo";

export function isSiteCode(value: unknown): value is SiteCode {
  return (siteCodes as readonly unknown[]).includes(value);
}

export function siteByCode(sites: readonly SiteFacts[], code: string | null | undefined): SiteFacts | undefined {
  return code ? sites.find((site) => site.code === code) : undefined;
}

/**
 * The partner of a site: the partnership has two sites, so the other one (the target of a redirect, the partner of a
 * joint review). Undefined for an unknown code or a list with no other site.
 */
export function otherSite(sites: readonly SiteFacts[], code: string | null | undefined): SiteFacts | undefined {
  return siteByCode(sites, code) ? sites.find((site) => site.code !== code) : undefined;
}

/**
 * The sites a patient's data would go abroad to (privacy.md rule 2): every site in another country than the
 * patient's residence; all of them while the residence is unknown, since nothing shows a site is at home.
 */
export function crossBorderRecipients(sites: readonly SiteFacts[], residence: unknown): SiteFacts[] {
  const country = typeof residence === "string" && residence !== "" ? residence : null;
  return sites.filter((site) => country === null || site.country !== country);
}

/**
 * The site of a country: where a referral with no candidate site waits (the referring physician's country, so no
 * data crosses a border without consent). A country with no site falls to the first site in code order.
 */
export function homeSiteFor(sites: readonly SiteFacts[], country: string | null | undefined): SiteFacts | undefined {
  return sites.find((site) => site.country === country) ?? sites[0];
}

/**
 * A person's time zone: their site's (staff), else the zone of a site in their country (a Japanese physician reads
 * Japan time), else the portal's.
 */
export function timeZoneOf(
  sites: readonly SiteFacts[],
  who: { siteCode?: string | null; country?: string | null },
): string {
  return (
    siteByCode(sites, who.siteCode)?.timezone ??
    sites.find((site) => site.country === who.country)?.timezone ??
    PORTAL_TIME_ZONE
  );
}

/** A site's zone (a referral's dates are its receiving site's), the portal's when the site is unknown or not yet set. */
export function siteTimeZone(sites: readonly SiteFacts[], code: string | null | undefined): string {
  return siteByCode(sites, code)?.timezone ?? PORTAL_TIME_ZONE;
}
