import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type LetterItem = { id: string; decision: string; date: string };

/** A letter's name in a list of letters: its decision and the day it was issued. */
export function useLetterItemText(): (letter: Omit<LetterItem, "id">) => string {
  const { t } = useTranslation();
  return ({ decision, date }) =>
    t("decisions:letterPage.item", { decision: t(`decisions:decisionNames.${decision}`), date });
}

/** A link, by its name, to one of a referral's letters on the letter page. */
export function LetterItemLink({ referralId, letter }: { referralId: string; letter: LetterItem }) {
  const itemText = useLetterItemText();
  return <Link to={`/referrals/${referralId}/letter?letter=${letter.id}`}>{itemText(letter)}</Link>;
}
