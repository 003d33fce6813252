import { useTranslation } from "react-i18next";
import { LetterItemLink } from "./letter-item";

export type LetterLink = { id: string; decision: string; issuedAt: string };

/** The letters sent to the referring physician, for the site's staff (the same page the physician reads). */
export function StaffLetterLinks({ referralId, letters }: { referralId: string; letters: LetterLink[] }) {
  const { t } = useTranslation();
  if (!letters.length) return null;
  return (
    <section aria-labelledby="letters-heading" data-testid="staff-letters">
      <h2 id="letters-heading">{t("decisions:banner.staffLink")}</h2>
      <ul>
        {letters.map((letter) => (
          <li key={letter.id}>
            <LetterItemLink referralId={referralId} letter={{ ...letter, date: letter.issuedAt }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
