// The patient's status in plain words, composed once for the page and the JSON door so the two never differ.
// Pure: facts in, words out (the translator and the language are arguments).
import type { TFunction } from "i18next";
import type { PatientStage } from "~/domain/workflow/states";
import type { Language } from "~/i18n/config";
import { publicContact, type SiteContacts } from "~/modules/site-contacts/site-contacts";
import { formatCalendarDate, formatInstant, formatWallTime, isoDateIn } from "~/i18n/format";

export type { SiteCode } from "~/domain/routing/sites";
import type { SiteCode } from "~/domain/routing/sites";

/** What the patient may know: the stage, when it last changed, which site has it, and a booked consultation. */
export type StatusFacts = {
  stage: PatientStage;
  statusChangedAt: string;
  site: { code: SiteCode; names: Record<Language, string>; timezone: string };
  patientLanguage: Language | null;
  consultation: { date: string; time: string | null; place: string | null } | null;
};

export type StatusWords = {
  language: Language;
  stage: PatientStage;
  headline: string;
  explanation: string;
  /** The day of the last change in the site's time zone (YYYY-MM-DD), and in words. */
  lastChangedOn: string;
  lastChanged: string;
  site: {
    code: SiteCode;
    name: string;
    /** The site's confirmed contact details only (docs/decisions/0023); an unconfirmed one is null. */
    contact: {
      name: string;
      phone: string | null;
      phoneHref: string | null;
      email: string | null;
      hours: string | null;
    };
  };
  nextSteps: string[];
  consultation: {
    date: string;
    time: string | null;
    place: string | null;
    dateText: string;
    timeText: string | null;
  } | null;
  whatToBring: string[];
};

const nextStepKeys: Record<PatientStage, string[]> = {
  received: ["reviewSoon", "nothingToDo", "comeBack"],
  in_review: ["teamDecides", "nothingToDo", "comeBack"],
  info_requested: ["doctorSends", "helpDoctor"],
  accepted: ["teamWillContact", "keepPhone"],
  consultation_scheduled: ["bringItems", "cannotCome"],
  declined: ["talkToDoctor"],
  redirected: ["newTeamReviews", "nothingToDo", "comeBack"],
  closed: ["nothingMore", "askDoctor"],
};

function whatToBring(facts: StatusFacts, t: TFunction): string[] {
  if (facts.stage !== "consultation_scheduled") return [];
  if (facts.site.code === "qst") {
    // NOTE: QST Hospital offers no language support: a patient who does not speak Japanese brings a professional
    // medical interpreter, and overseas patients show their own passport (shared/domain/routing.md;
    // https://www.nirs.qst.go.jp/hospital/abroad/).
    const items = ["passport"];
    if (facts.patientLanguage !== "ja") items.push("interpreter");
    return [...items, "medicines", "documents", "code"].map((item) => t(`status:bring.${item}`));
  }
  return ["identity", "medicines", "documents", "code"].map((item) => t(`status:bring.${item}`));
}

/** Everything the patient is told about their referral, in `lng`; `contacts` is the site's contact configuration. */
export function statusWords(
  facts: StatusFacts,
  lng: Language,
  t: TFunction,
  contacts: SiteContacts | null,
): StatusWords {
  const site = facts.site.names[lng];
  const changedAt = new Date(facts.statusChangedAt);
  let consultation: StatusWords["consultation"] = null;
  if (facts.consultation) {
    const { date, time, place } = facts.consultation;
    consultation = {
      date,
      time,
      place,
      dateText: formatCalendarDate(date, lng, "fullDate"),
      timeText: time
        ? t("status:view.localTime", {
            time: formatWallTime(date, time, lng),
            zone: t(`status:sites.${facts.site.code}.timeZone`),
          })
        : null,
    };
  }
  const { name, phone, phoneHref, email, hours } = publicContact(contacts, lng);
  return {
    language: lng,
    stage: facts.stage,
    headline: t(`status:stages.${facts.stage}.headline`, { site }),
    explanation: t(`status:stages.${facts.stage}.explanation`, { site, date: consultation?.dateText ?? "" }),
    lastChangedOn: isoDateIn(facts.site.timezone, changedAt),
    lastChanged: formatInstant(changedAt, lng, facts.site.timezone, "date"),
    site: {
      code: facts.site.code,
      name: site,
      contact: { name, phone, phoneHref, email, hours },
    },
    nextSteps: nextStepKeys[facts.stage].map((key) => t(`status:next.${key}`, { site })),
    consultation,
    whatToBring: whatToBring(facts, t),
  };
}
