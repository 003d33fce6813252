// A person's name is written by the script of the name, never by the interface language: a Korean patient is
// 한미숙 on the Japanese and English pages too, and 田中健一 stays 田中健一 on the Korean page. Hangul, kanji and kana
// names are family name then given name with no space, as on Korean and Japanese documents; names in Latin letters
// keep the portal's order, family name first, with a space (docs/decisions/0011-names-times-and-identifiers.md).
// Pure, for server and browser alike.

// Han covers kanji and hanja; the long-vowel mark, the middle dot and 々/〆/ヶ are part of Japanese names.
const eastAsianName =
  /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u30FB\u3005\u3006\u30F6]+$/u;

/** The name as it is shown everywhere (pages, mail, printouts): family name first. */
export function personName(family: string | null | undefined, given: string | null | undefined): string {
  const parts = [family, given].map((part) => (part ?? "").trim()).filter((part) => part !== "");
  if (parts.length < 2) return parts[0] ?? "";
  const joined = parts.every((part) => eastAsianName.test(part.replace(/\s+/gu, "")));
  return parts.join(joined ? "" : " ");
}
