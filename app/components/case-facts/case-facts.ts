import type { TFunction } from "i18next";
import { indicationKey } from "~/i18n/screen-keys";
import type { Fact } from "~/components/fact-list";

/** What a page knows of a referral that staff of either site may read (no name, no birth date). */
type CaseFactsInput = {
  indication: string | null;
  urgency: string;
  status: string;
  /** For the partner site and the conference: the patient's age and sex instead of who they are. */
  age?: number | null;
  sex?: string | null;
};

/**
 * A referral's facts as staff pages label them, by name, for a page to pick and order: the staff referral page, the
 * partner's joint review page and the conference's meeting view say these the same way.
 */
export function caseFacts(t: TFunction, c: CaseFactsInput) {
  const ageSex: Fact = {
    label: t("conferences:partner.patient"),
    value: t("conferences:partner.ageSex", {
      age: c.age ?? "—",
      sex: c.sex ? t(`intake:options.sex.${c.sex}`) : "—",
    }),
  };
  const indication: Fact = {
    label: t("queue:columns.indication"),
    value: c.indication ? t(indicationKey(c.indication)) : null,
  };
  const urgency: Fact = { label: t("queue:columns.urgency"), value: t(`queue:urgency.${c.urgency}`) };
  const status: Fact = { label: t("queue:columns.status"), value: t(`queue:status.${c.status}`) };
  return { ageSex, indication, urgency, status };
}
