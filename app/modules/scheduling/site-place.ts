// Where a site is, for people finding their way to a consultation. Pure: the words come from the translator.
import type { TFunction } from "i18next";

/**
 * The site's address in the reader's language (locales/*\/status.json `sites.<code>.address`, placeholders each site
 * confirms before going live, like its contacts) and a map link. The link searches for the address written in the
 * site's own country (`sites.<code>.mapQuery`, the same in every language): maps find a Korean address written in
 * Korean, not its Japanese transcription. A search link needs no coordinates or API key; Google Maps' documented
 * `api=1` form opens the map app on phones in Korea and Japan alike.
 */
export function sitePlace(siteCode: string, t: TFunction): { address: string; mapHref: string } {
  const address = t(`status:sites.${siteCode}.address`);
  const query = t(`status:sites.${siteCode}.mapQuery`);
  return { address, mapHref: `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}` };
}
