import type { ReferralCase } from "~/domain/case/schema";
import type { RuleSet } from "~/domain/eligibility/types";
import { submitReferral } from "~/modules/referrals/referrals.service.server";
import type { Database } from "~/utils/db.server";
import { sharedCase } from "./referrals";

/** Patients from the portal's three languages, with passport names and (for Japanese) the katakana reading. */
export const patients = {
  ko: { familyName: "김", givenName: "민준", familyNameLatin: "KIM", givenNameLatin: "MINJUN" },
  ko2: { familyName: "박", givenName: "서연", familyNameLatin: "PARK", givenNameLatin: "SEOYEON" },
  ja: {
    familyName: "佐藤",
    givenName: "花子",
    familyNameLatin: "SATO",
    givenNameLatin: "HANAKO",
    nameReading: "サトウ ハナコ",
  },
  ja2: {
    familyName: "山田",
    givenName: "太郎",
    familyNameLatin: "YAMADA",
    givenNameLatin: "TARO",
    nameReading: "ヤマダ タロウ",
  },
  en: { familyName: "Miller", givenName: "Anne", familyNameLatin: "MILLER", givenNameLatin: "ANNE" },
} as const;

type Options = {
  site: "konyang" | "qst";
  base?: string;
  patient?: keyof typeof patients;
  urgency?: "routine" | "urgent";
  crossBorder?: boolean;
  now: Date;
  /** The rule set to screen with (a referral stored under an earlier set); by default the one in force. */
  ruleset?: RuleSet;
};

/**
 * Submits a referral through the referral core that the router sends to `site`: a Korean resident goes to Konyang,
 * a Japanese resident to QST (routing.md), with the patient's name in their own script.
 */
export async function referralAt(db: Database, physician: { id: string; country?: string }, options: Options) {
  const caseData: ReferralCase = sharedCase(options.base ?? "prostate-localised-kr");
  const person = patients[options.patient ?? (options.site === "konyang" ? "ko" : "ja")];
  const { familyNameLatin: _f, givenNameLatin: _g, nameReading: _r, ...rest } = caseData.patient;
  caseData.patient = { ...rest, ...person, residenceCountry: options.site === "konyang" ? "KR" : "JP" };
  caseData.preferences = { site: "none" };
  caseData.consent.crossBorder = options.crossBorder ?? false;
  if (options.urgency) caseData.urgency = options.urgency;
  return submitReferral(db, {
    physician: { id: physician.id, country: physician.country ?? (options.site === "konyang" ? "KR" : "JP") },
    caseData,
    now: options.now,
    ...(options.ruleset ? { ruleset: options.ruleset } : {}),
  });
}

/**
 * Takes every referral so far out of both sites' queues (site_code NULL), so a test sees only its own: tests of one
 * file share a database, and the append-only audit log forbids deleting what earlier tests wrote.
 */
export async function emptyQueues(db: Database) {
  await db.updateTable("referrals").set({ site_code: null }).execute();
}
