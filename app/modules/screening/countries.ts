// ISO 3166-1 alpha-2 codes of the officially assigned countries and territories. Their names come from Intl in the
// reader's language; Korea and Japan, where nearly every patient lives, are listed first.
import { collator, regionNames } from "~/i18n/intl-cache";

export const countryCodes = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH " +
  "CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP " +
  "GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR " +
  "LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
  "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ " +
  "TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");

export const homeCountries = ["KR", "JP"] as const;

export type CountryOption = { readonly value: string; readonly label: string };
// Names and order never change for a locale: built once (sorting 250 names by collator was a cost on every request).
const optionsByLocale = new Map<string, readonly CountryOption[]>();

/** Options for a country select in one language: Korea and Japan first, then the rest by name. */
export function countryOptions(locale: string): readonly CountryOption[] {
  const known = optionsByLocale.get(locale);
  if (known) return known;
  const names = regionNames(locale, { fallback: "code" });
  const label = (code: string) => names.of(code) ?? code;
  const order = collator(locale);
  const rest = countryCodes
    .filter((c) => !(homeCountries as readonly string[]).includes(c))
    .map((value) => ({ value, label: label(value) }))
    .sort((a, b) => order.compare(a.label, b.label));
  const options = Object.freeze([...homeCountries.map((value) => ({ value, label: label(value) })), ...rest]);
  optionsByLocale.set(locale, options);
  return options;
}
