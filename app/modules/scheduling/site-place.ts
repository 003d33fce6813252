// Where a site is, for people finding their way to a consultation. Pure: the site's contact details come in.
import type { Language } from "~/i18n/config";
import { publicContact, type SiteContacts } from "~/modules/site-contacts/site-contacts";

/**
 * The site's address in the reader's language and a map link, from the site's contact configuration
 * (docs/decisions/0023). Null until the site has confirmed its address: nobody outside the site is sent to an
 * address the site has not confirmed.
 */
export function sitePlace(
  contacts: SiteContacts | null | undefined,
  lng: Language,
): { address: string; mapHref: string } | null {
  const contact = publicContact(contacts, lng);
  return contact.address && contact.mapHref ? { address: contact.address, mapHref: contact.mapHref } : null;
}
