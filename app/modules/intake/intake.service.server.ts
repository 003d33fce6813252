// The physician's draft: creating it, saving a section (consents recorded as given), the live pre-check, submitting
// and discarding. The sent referral's page, answers and withdrawal are ./physician-referral.service.server.ts's,
// re-exported here so callers keep one import.
import { nationalIdIn, nationalIdRefusedKey } from "~/domain/case/national-id";
import { toDecisionJson, type DecisionJson } from "~/domain/screen";
import type { SessionUser } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { toReferral, type Referral } from "~/modules/referrals/referral.mapper.server";
import { findReferral, insertReferralEvent } from "~/modules/referrals/referrals.repository.server";
import { DraftNotSubmittableError, submitReferral } from "~/modules/referrals/referrals.service.server";
import { screenCase } from "~/modules/screening/screening.service.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { deleteFilesOf, listAttachments, type AttachmentView } from "./attachments.service.server";
import {
  answersOf,
  fieldAt,
  fieldIssues,
  getPath,
  indicationSpecificPaths,
  isAsked,
  isFreeText,
  mergeSection,
  submissionSchema,
  validateSection,
  deletePath,
  type FieldIssue,
  type FlatValues,
  type FormSection,
} from "./intake-form";
import { deleteDraft, insertDraft, updateDraft } from "./intake.repository.server";
import { caseAttachments, caseOf, referralToday, type Who } from "./intake-common.server";
import { lenientScreenCase } from "./live-precheck";
import { serverPhoneRule } from "./phone-rule.server";

export { caseOf, referralToday } from "./intake-common.server";
export {
  answerRequest,
  latestRequest,
  myReferrals,
  referralDetail,
  withdrawReferral,
  type AnswerResult,
  type HistoryEntry,
  type InfoRequest,
  type MyReferral,
  type ReferralDetail,
  type WithdrawResult,
} from "./physician-referral.service.server";

/**
 * The referral if it is this physician's own; null otherwise (the route answers 404 with no data, so a referral
 * that is not yours cannot even be shown to exist).
 */
export async function ownReferral(db: Database, user: SessionUser, id: string | undefined): Promise<Referral | null> {
  if (!id || user.role !== "physician") return null;
  const row = await findReferral(db, id);
  return row && canSeeReferral(user, row) ? toReferral(row) : null;
}

export async function createDraft(db: Database, { user, now, ip }: Who): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertDraft(trx, { id, physician_id: user.id, case_json: "{}", created_at: now.toISOString() });
    const audit = auditBy(trx, user, { now, ip: ip ?? null });
    await audit("referral.draft_created", ["referral", id]);
  });
  return id;
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);

/** The columns the referral lists show, read from a (partial) case; an urgency not given leaves the column's default. */
export function draftListColumns(draft: Record<string, unknown>) {
  const latin = [text(getPath(draft, "patient.familyNameLatin")), text(getPath(draft, "patient.givenNameLatin"))]
    .filter(Boolean)
    .join(" ");
  const urgency = text(getPath(draft, "urgency"));
  return {
    patient_family_name: text(getPath(draft, "patient.familyName")),
    patient_given_name: text(getPath(draft, "patient.givenName")),
    patient_latin_name: latin || null,
    patient_birth_date: text(getPath(draft, "patient.birthDate")),
    patient_language: text(getPath(draft, "patient.preferredLanguage")),
    indication: text(getPath(draft, "diagnosis.indication")),
    ...(urgency === "routine" || urgency === "urgent" ? { urgency } : {}),
  };
}

const consentPaths = [
  "consent.sensitiveData",
  "consent.crossBorder",
  "consent.informedOfDiagnosis",
  "consent.research",
  "consent.statusUpdates",
] as const;

/**
 * Records consents as given now by this physician when any of them changed: the time goes into the case
 * (`consent.recordedAt`), the physician and the answers into the referral's history and the audit log.
 */
async function recordConsentIfChanged(
  trx: Database,
  referral: Referral,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  who: Who,
) {
  const changed = consentPaths.some((p) => getPath(before, p) !== getPath(after, p));
  if (!changed) return;
  const answers = Object.fromEntries(consentPaths.map((p) => [p.split(".")[1]!, getPath(after, p) === true]));
  const at = who.now.toISOString();
  const consent = (after.consent ?? {}) as Record<string, unknown>;
  consent.recordedAt = at;
  after.consent = consent;
  await insertReferralEvent(trx, {
    id: newId(),
    referral_id: referral.id,
    occurred_at: at,
    actor_user_id: who.user.id,
    actor_role: "physician",
    action: "consent_recorded",
    from_status: referral.status,
    to_status: referral.status,
    site_code: referral.siteCode,
    reason_code: null,
    note: null,
    data: JSON.stringify(answers),
  });
  const audit = auditBy(trx, who.user, who);
  await audit("referral.consent_recorded", ["referral", referral.id], answers);
}

/**
 * Answers typed into free text that look like a resident registration number: refused, never stored. The saved value
 * (if any) stays; the issue explains why.
 */
function refuseNationalIds(answers: Map<string, unknown>, saved: Record<string, unknown>): FieldIssue[] {
  const refused: FieldIssue[] = [];
  for (const [path, value] of answers) {
    const field = fieldAt(path);
    const nationalId = field && isFreeText(field) && typeof value === "string" ? nationalIdIn(value) : null;
    if (nationalId) {
      answers.set(path, getPath(saved, path));
      refused.push({ path, key: nationalIdRefusedKey[nationalId] });
    }
  }
  return refused;
}

export type SaveIntent = "continue" | "save" | "autosave";

export type SaveResult = { saved: boolean; issues: FieldIssue[]; caseData: Record<string, unknown> };

/**
 * Saves one section of a draft. A draft never has to be valid to be saved: whatever was typed is kept (a half-typed
 * date, a number with a typo), except anything shaped like a national identifier, which is refused. "Save and
 * continue" also validates the section and reports its issues; saving for later and autosave do not.
 */
export async function saveSection(
  db: Database,
  input: Who & { referral: Referral; section: FormSection; values: FlatValues; intent: SaveIntent },
): Promise<SaveResult> {
  const { referral, section, values, intent } = input;
  const saved = caseOf(referral);
  const today = referralToday(input.now);
  const answers = answersOf(section, values, { today, saved });
  const refused = refuseNationalIds(answers, saved);
  const next = mergeSection(saved, answers);
  if (section === "consent" && !consentPaths.some((p) => getPath(next, p) === true))
    deletePath(next, "consent.recordedAt");

  const ok = await db.transaction().execute(async (trx) => {
    if (section === "consent") await recordConsentIfChanged(trx, referral, saved, next, input);
    return updateDraft(trx, referral.id, JSON.stringify(next), draftListColumns(next), input.now.toISOString());
  });
  if (!ok) return { saved: false, issues: [], caseData: saved };
  const issues =
    intent === "continue"
      ? validateSection(section, values, { today, saved: next, phoneRule: serverPhoneRule })
      : refused;
  // Refusals always show, even when the rest of the section is fine.
  for (const r of refused) if (!issues.some((i) => i.path === r.path)) issues.unshift(r);
  return { saved: true, issues, caseData: next };
}

/** The screen's current answer for a draft, for the banner while filling in (never blocks anything). */
export async function livePrecheck(
  db: Database,
  draft: Record<string, unknown>,
  now: Date,
): Promise<DecisionJson | null> {
  const screenable = lenientScreenCase(draft, referralToday(now));
  if (!screenable) return null;
  return toDecisionJson((await screenCase(db, screenable)).decision);
}

/** The case a draft would submit: today's date, its files, and no answers the chosen indication does not ask. */
export function caseForSubmission(
  draft: Record<string, unknown>,
  attachments: AttachmentView[],
  today: string,
): Record<string, unknown> {
  const caseData = structuredClone(draft);
  // Whether a question applied is decided on the case as it stands (indication, sex and age, metastases).
  const about = structuredClone(caseData);
  for (const path of indicationSpecificPaths) if (!isAsked(path, about, today)) deletePath(caseData, path);
  caseData.referredOn = today;
  caseData.attachments = caseAttachments(attachments);
  return caseData;
}

export type SubmitResult =
  | { ok: true; id: string; referenceCode: string }
  | { ok: false; code: "invalid"; issues: FieldIssue[] }
  | { ok: false; code: "not_draft" };

/**
 * Submits a draft: the whole case is validated with the contract's schema (the consents to process health data and
 * that the patient knows the diagnosis are required), then the core screens, routes, issues the reference code and
 * stores the decision with the versions it used.
 */
export async function submitDraft(db: Database, input: Who & { referral: Referral }): Promise<SubmitResult> {
  const { user, referral, now } = input;
  if (referral.status !== "draft") return { ok: false, code: "not_draft" };
  const today = referralToday(now);
  const candidate = caseForSubmission(caseOf(referral), await listAttachments(db, referral.id), today);
  const parsed = submissionSchema(today, serverPhoneRule).safeParse(candidate);
  if (!parsed.success) return { ok: false, code: "invalid", issues: fieldIssues(parsed.error) };
  try {
    const result = await submitReferral(db, {
      physician: { id: user.id, country: user.country },
      caseData: parsed.data,
      now,
      draftId: referral.id,
    });
    return { ok: true, id: result.id, referenceCode: result.referenceCode };
  } catch (error) {
    if (error instanceof DraftNotSubmittableError) return { ok: false, code: "not_draft" };
    throw error;
  }
}

/** Deletes a draft, its files and its history; submitted referrals cannot be deleted (they can be withdrawn). */
export async function discardDraft(db: Database, input: Who & { referral: Referral }): Promise<boolean> {
  const { user, referral } = input;
  const deleted = await db.transaction().execute(async (trx) => {
    const ok = await deleteDraft(trx, referral.id);
    if (ok) await auditBy(trx, user, input)("referral.draft_deleted", ["referral", referral.id]);
    return ok;
  });
  if (deleted) await deleteFilesOf(referral.id);
  return deleted;
}
