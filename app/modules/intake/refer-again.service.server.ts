import type { SessionUser } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { letterSummaries, type LetterSummary } from "~/modules/letters/letters.service.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { caseOf, draftListColumns } from "./intake.service.server";
import { insertDraft } from "./intake.repository.server";
import { followUpOf, referralHead } from "./refer-again.repository.server";

/**
 * Whether the physician may refer again from this referral: the team did not accept it (declined, or closed after a
 * decline). Withdrawn referrals are the physician's own choice and are simply referred anew.
 */
export function mayReferAgain(referral: Pick<Referral, "status">, letters: LetterSummary[]): boolean {
  return referral.status === "declined" || (referral.status === "closed" && letters[0]?.decision === "declined");
}

/**
 * The case a new referral starts from: the old answers, without what must be given afresh — the consents (a new
 * referral is a new disclosure, privacy.md rule 2), the files (the new information is the point) and the date.
 */
export function followUpCase(previous: Record<string, unknown>): Record<string, unknown> {
  const draft = structuredClone(previous);
  delete draft.consent;
  delete draft.attachments;
  delete draft.referredOn;
  return draft;
}

export type ReferAgainResult = { ok: true; id: string; created: boolean } | { ok: false; code: "not_declined" };

/**
 * "Refer again with new information": a new draft prefilled from the declined referral and linked to it. One
 * follow-up per referral: asking again opens the one already started.
 */
export async function referAgain(
  db: Database,
  input: { user: SessionUser; referral: Referral; now: Date; ip: string | null },
): Promise<ReferAgainResult> {
  const { user, referral, now } = input;
  if (!mayReferAgain(referral, await letterSummaries(db, referral.id))) return { ok: false, code: "not_declined" };
  return db.transaction().execute(async (trx) => {
    const existing = await followUpOf(trx, referral.id);
    if (existing) return { ok: true, id: existing.id, created: false } as const;
    const draft = followUpCase(caseOf(referral));
    const id = newId();
    await insertDraft(trx, {
      id,
      physician_id: user.id,
      case_json: JSON.stringify(draft),
      created_at: now.toISOString(),
      previous_referral_id: referral.id,
      ...draftListColumns(draft),
    });
    const audit = auditBy(trx, user, input);
    await audit("referral.draft_created", ["referral", id], { previousReferralId: referral.id });
    await audit("referral.referred_again", ["referral", referral.id], { draftId: id });
    return { ok: true, id, created: true } as const;
  });
}

export type ReferralLinks = {
  previous: { id: string; code: string | null } | null;
  next: { id: string; code: string | null; status: string } | null;
};

/** The referral this one follows and the one made again from it: both belong to the same physician. */
export async function referralLinks(
  db: Database,
  referral: Pick<Referral, "id" | "previousReferralId" | "physicianId">,
): Promise<ReferralLinks> {
  const [previous, next] = await Promise.all([
    referral.previousReferralId ? referralHead(db, referral.previousReferralId) : undefined,
    followUpOf(db, referral.id),
  ]);
  return {
    previous:
      previous && previous.physician_id === referral.physicianId
        ? { id: previous.id, code: previous.reference_code }
        : null,
    next: next ? { id: next.id, code: next.reference_code, status: next.status } : null,
  };
}

/** What the physician's referral page shows of the decision: its letters, the links between referrals, and the way to refer again. */
export async function decisionLinks(db: Database, referral: Referral) {
  const letters = await letterSummaries(db, referral.id);
  return { letters, links: await referralLinks(db, referral), canReferAgain: mayReferAgain(referral, letters) };
}
