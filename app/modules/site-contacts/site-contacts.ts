// A site's contact details as configuration (migration 0016, docs/decisions/0023): the words each reader may see.
// Pure: no database here, so pages, mail, letters and the status door share one rule for what is shown.
import type { Language } from "~/i18n/config";

export type ContactWords = { ko: string; ja: string; en: string };
export const contactFields = ["phone", "email", "hours", "address"] as const;
export type ContactField = (typeof contactFields)[number];

/** One version of a site's contact details, each detail with "confirmed by the site". */
export type SiteContacts = {
  siteCode: string;
  version: number;
  contactName: ContactWords;
  phone: string;
  email: string;
  hours: ContactWords;
  address: ContactWords;
  mapQuery: string;
  confirmed: Record<ContactField, boolean>;
};

/** What a patient, a referring physician or a letter may show: confirmed details only, the others null. */
export type PublicContact = {
  name: string;
  phone: string | null;
  phoneHref: string | null;
  email: string | null;
  hours: string | null;
  address: string | null;
  mapHref: string | null;
};

/**
 * The map link searches for the address written in the site's own country (the same in every language): maps find a
 * Korean address written in Korean, not its Japanese transcription. Google Maps' documented `api=1` search form needs
 * no key and opens the map app on phones in Korea and Japan alike.
 */
export function mapHrefOf(mapQuery: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(mapQuery)}`;
}

/** A phone number as a `tel:` link: digits and the leading plus only. */
export function phoneHrefOf(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, "")}`;
}

/** Until a site confirms a detail, nobody outside the site's own staff is shown it (issue 17). */
export function publicContact(contacts: SiteContacts | null | undefined, lng: Language): PublicContact {
  const ok = (field: ContactField) => contacts?.confirmed[field] === true;
  return {
    name: contacts?.contactName[lng] ?? "",
    phone: ok("phone") ? contacts!.phone : null,
    phoneHref: ok("phone") ? phoneHrefOf(contacts!.phone) : null,
    email: ok("email") ? contacts!.email : null,
    hours: ok("hours") ? contacts!.hours[lng] : null,
    address: ok("address") ? contacts!.address[lng] : null,
    mapHref: ok("address") ? mapHrefOf(contacts!.mapQuery) : null,
  };
}

/** The details the site has not confirmed yet: staff pages warn about them. */
export function unconfirmedFields(contacts: SiteContacts | null | undefined): ContactField[] {
  return contactFields.filter((field) => contacts?.confirmed[field] !== true);
}

/** Whether a reader of `publicContact` has any way at all to reach the site. */
export function hasAnyContact(contact: PublicContact): boolean {
  return Boolean(contact.phone || contact.email || contact.address);
}
