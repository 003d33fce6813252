import { isLanguage, type Language } from "~/i18n/config";
import { siteContactBook } from "~/modules/site-contacts/site-contacts.service.server";
import type { SessionUser } from "~/modules/accounts/session.server";
import { findUserById } from "~/modules/accounts/accounts.repository.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { findReferral, type ReferralRow } from "~/modules/referrals/referrals.repository.server";
import { siteTimeZone } from "~/domain/routing/site-facts";
import { siteFacts } from "~/modules/sites/site-facts.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { tFor } from "~/i18n/i18n.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { composeLetter, type LetterContent, type LetterDecision, type LetterInput } from "./compose-letter";
import { insertLetter, letterFacts, lettersOf, type LetterFactsRow } from "./letters.repository.server";

/** The coordinator actions that send the referring physician a decision letter, and the decision each one states. */
export const letterDecisionOf: Partial<Record<string, LetterDecision>> = {
  accept: "accepted",
  decline: "declined",
  redirect: "redirected",
};

export type IssueLetterInput = {
  before: ReferralRow;
  after: ReferralRow;
  action: string;
  issuer: { id: string; role: string };
  reasonCode: string | null;
  note: string | null;
  clinicalDecisionId: string | null;
  now: Date;
  ip: string | null;
};

/**
 * Writes the decision letter of an accept, decline or redirect, inside that step's transaction (a decision and its
 * letter stand or fall together). The letter is in the physician's account language as it is now; its facts are
 * kept as issued. Returns the letter's id, or null for actions that send no letter.
 */
export async function issueLetter(trx: Database, input: IssueLetterInput): Promise<string | null> {
  const decision = letterDecisionOf[input.action];
  if (!decision || !input.before.site_code) return null;
  const physician = await findUserById(trx, input.after.physician_id);
  const language: Language = isLanguage(physician?.preferred_language) ? physician.preferred_language : "en";
  const id = newId();
  await insertLetter(trx, {
    id,
    referral_id: input.after.id,
    site_code: input.before.site_code,
    decision,
    language,
    reason_code: input.reasonCode,
    note: input.note,
    target_site: decision === "redirected" ? input.after.site_code : null,
    clinical_decision_id: input.clinicalDecisionId,
    issued_by: input.issuer.id,
    issued_at: input.now.toISOString(),
  });
  const audit = auditBy(trx, input.issuer, input);
  await audit("referral.letter_issued", ["referral", input.after.id], { letterId: id, decision, language });
  return id;
}

export type LetterSummary = { id: string; decision: LetterDecision; issuedAt: string };

/** The referral's letters, newest first, for links and banners (no content: the letter page reads and logs it). */
export async function letterSummaries(db: Database, referralId: string): Promise<LetterSummary[]> {
  return (await lettersOf(db, referralId)).map((l) => ({
    id: l.id,
    decision: l.decision as LetterDecision,
    issuedAt: l.issued_at,
  }));
}

function toLetterInput(row: LetterFactsRow, timezone: string): LetterInput {
  return {
    id: row.id,
    decision: row.decision as LetterDecision,
    language: isLanguage(row.language) ? row.language : "en",
    issuedAt: row.issued_at,
    timezone,
    referenceCode: row.reference_code ?? "",
    patient: {
      familyName: row.patient_family_name ?? "",
      givenName: row.patient_given_name ?? "",
      birthDate: row.patient_birth_date,
    },
    physician: {
      familyName: row.physician_family_name,
      givenName: row.physician_given_name,
      institution: row.physician_institution,
    },
    site: row.site_code,
    targetSite: row.target_site,
    reasonCode: row.reason_code,
    note: row.note,
    clinical: row.recommendation
      ? {
          rationale: row.rationale ?? "",
          approach: row.approach,
          approachDetail: row.approach_detail,
          alternatives: row.alternatives,
          reviewer:
            row.reviewer_family_name != null
              ? { familyName: row.reviewer_family_name, givenName: row.reviewer_given_name ?? "" }
              : null,
        }
      : null,
    issuer: { familyName: row.issuer_family_name, givenName: row.issuer_given_name, role: row.issuer_role },
  };
}

export type OpenedLetter = { referral: ReferralRow; letter: LetterInput; letters: LetterSummary[] };

/**
 * A letter of a referral for someone allowed to see the referral (its physician; staff of the site it is at), or
 * null — the caller answers an empty 404. `letterId` picks an earlier letter; without it, the newest. Every opening
 * is written to the audit log (privacy.md rule 4: each read of clinical detail).
 */
export async function openLetter(
  db: Database,
  user: SessionUser,
  referralId: string,
  letterId: string | null,
  ctx: { now: Date; ip: string | null; format: "page" | "pdf" },
): Promise<OpenedLetter | null> {
  const referral = await findReferral(db, referralId);
  if (!referral || !canSeeReferral(user, referral)) return null;
  const letters = await letterSummaries(db, referral.id);
  const chosen = letterId ? letters.find((l) => l.id === letterId) : letters[0];
  if (!chosen) return null;
  const row = await letterFacts(db, chosen.id);
  if (!row) return null;
  // The letter is the receiving site's: its dates are that site's.
  const timeZone = siteTimeZone(await siteFacts(db), row.site_code);
  const audit = auditBy(db, user, ctx);
  await audit("referral.letter_viewed", ["referral", referral.id], { letterId: chosen.id, format: ctx.format });
  return { referral, letter: toLetterInput(row, timeZone), letters };
}

/**
 * The opened letter's words in its own language (the physician's), whatever language the reader's pages are in:
 * the same content feeds the page and the PDF.
 */
export async function letterContent(db: Database, letter: LetterInput): Promise<LetterContent> {
  const names = await siteNames(db);
  const siteName = (code: string) => names[code as keyof typeof names]?.[letter.language] ?? code;
  return composeLetter(letter, tFor(letter.language), siteName, await siteContactBook(db));
}
