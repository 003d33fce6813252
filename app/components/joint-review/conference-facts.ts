import type { TFunction } from "i18next";
import type { Fact } from "~/components/fact-list";

type ConferenceFactsInput = { startsAt: string; duration: number; place: string | null; chair: string };

/** A conference's when, where and chair, as its page and its minutes both say them. */
export function conferenceFacts(t: TFunction, c: ConferenceFactsInput) {
  const when: Fact = {
    label: t("conferences:detail.when"),
    value: t("conferences:detail.whenValue", { date: c.startsAt, minutes: c.duration }),
  };
  const place: Fact | null = c.place ? { label: t("conferences:schedule.place"), value: c.place } : null;
  const chair: Fact = { label: t("conferences:schedule.chair"), value: c.chair };
  return { when, place, chair };
}
