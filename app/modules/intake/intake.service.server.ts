import type { ReferralCase } from "~/domain/case/schema";
import { nationalIdIn, nationalIdRefusedKey } from "~/domain/case/national-id";
import { toDecisionJson, type DecisionJson } from "~/domain/screen";
import type { SessionUser } from "~/modules/accounts/session.server";
import { recordAudit } from "~/modules/audit/audit.service.server";
import { recordReading } from "~/modules/audit/read-audit.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { toReferral, type Referral } from "~/modules/referrals/referral.mapper.server";
import { PORTAL_TIME_ZONE } from "~/domain/routing/site-facts";
import { todayAt } from "~/modules/referrals/clock.server";
import {
  findReferral,
  insertReferralEvent,
  referralEvents,
  referralScreens,
  type ReferralEventRow,
} from "~/modules/referrals/referrals.repository.server";
import {
  DraftNotSubmittableError,
  submitReferral,
  transitionReferral,
} from "~/modules/referrals/referrals.service.server";
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
  intakeKeys,
  isAsked,
  isFreeText,
  mergeSection,
  sectionOf,
  submissionSchema,
  validateSection,
  deletePath,
  withdrawReasons,
  type FieldIssue,
  type FlatValues,
  type FormSection,
} from "./intake-form";
import { deleteDraft, insertDraft, referralsOfPhysician, updateDraft } from "./intake.repository.server";
import { lenientScreenCase } from "./live-precheck";
import { serverPhoneRule } from "./phone-rule.server";

// "Today" for a referral (its date, which picks the rule set, and the check that a birth is not in the future) is the
// portal's one date, whoever refers and whatever the server's own zone (ADR 0024).
export function referralToday(now: Date): string {
  return todayAt(PORTAL_TIME_ZONE, now);
}

type Who = { user: SessionUser; now: Date; ip?: string | null };

/**
 * The referral if it is this physician's own; null otherwise (the route answers 404 with no data, so a referral
 * that is not yours cannot even be shown to exist).
 */
export async function ownReferral(db: Database, user: SessionUser, id: string | undefined): Promise<Referral | null> {
  if (!id || user.role !== "physician") return null;
  const row = await findReferral(db, id);
  return row && canSeeReferral(user, row) ? toReferral(row) : null;
}

/** A copy of the stored case (a draft's is partial), for the forms to read and change. */
export function caseOf(referral: Pick<Referral, "storedCase">): Record<string, unknown> {
  return structuredClone(referral.storedCase) as Record<string, unknown>;
}

export async function createDraft(db: Database, { user, now, ip }: Who): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertDraft(trx, { id, physician_id: user.id, case_json: "{}", created_at: now.toISOString() });
    await recordAudit(trx, {
      actor: { id: user.id, role: user.role },
      action: "referral.draft_created",
      subjectType: "referral",
      subjectId: id,
      ip: ip ?? null,
      at: now,
    });
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
  await recordAudit(trx, {
    actor: { id: who.user.id, role: who.user.role },
    action: "referral.consent_recorded",
    subjectType: "referral",
    subjectId: referral.id,
    detail: answers,
    ip: who.ip ?? null,
    at: who.now,
  });
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
  caseData.attachments = attachments.map((a) => ({
    kind: a.kind,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
  }));
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
  const { user, referral, now } = input;
  const deleted = await db.transaction().execute(async (trx) => {
    const ok = await deleteDraft(trx, referral.id);
    if (ok)
      await recordAudit(trx, {
        actor: { id: user.id, role: user.role },
        action: "referral.draft_deleted",
        subjectType: "referral",
        subjectId: referral.id,
        ip: input.ip ?? null,
        at: now,
      });
    return ok;
  });
  if (deleted) await deleteFilesOf(referral.id);
  return deleted;
}

export type MyReferral = {
  id: string;
  referenceCode: string | null;
  status: string;
  siteCode: string | null;
  patient: { familyName: string | null; givenName: string | null };
  indication: string | null;
  urgency: string;
  updatedAt: string;
  waitingOnMe: boolean;
};

/** The physician's referrals and drafts; those waiting on them (information requested, unfinished drafts) marked. */
export async function myReferrals(db: Database, user: SessionUser): Promise<MyReferral[]> {
  const rows = await referralsOfPhysician(db, user.id);
  return rows.map((row) => ({
    id: row.id,
    referenceCode: row.reference_code,
    status: row.status,
    siteCode: row.site_code,
    patient: { familyName: row.patient_family_name, givenName: row.patient_given_name },
    indication: row.indication,
    urgency: row.urgency,
    updatedAt: row.updated_at,
    waitingOnMe: row.status === "draft" || row.status === "info_requested",
  }));
}

export type InfoRequest = { at: string; note: string | null; fields: string[]; documents: string[] };

function parseData(row: ReferralEventRow): Record<string, unknown> {
  try {
    return JSON.parse(row.data) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** What the site asked for, from the latest request for information in the history. */
export function latestRequest(events: ReferralEventRow[]): InfoRequest | null {
  const event = [...events].reverse().find((e) => e.action === "request_info");
  if (!event) return null;
  const data = parseData(event);
  return { at: event.occurred_at, note: event.note, fields: strings(data.fields), documents: strings(data.documents) };
}

export type HistoryEntry = {
  seq: number;
  at: string;
  action: string;
  actorRole: string;
  from: string | null;
  to: string;
  site: string | null;
  reasonCode: string | null;
  note: string | null;
  data: Record<string, unknown>;
};

export type ReferralDetail = {
  caseData: Record<string, unknown>;
  decision: DecisionJson | null;
  screens: { at: string; outcome: string; rulesetVersion: string }[];
  history: HistoryEntry[];
  attachments: AttachmentView[];
  request: InfoRequest | null;
};

/** Everything the physician's referral page shows; the opening is written to the audit log (privacy.md rule 3). */
export async function referralDetail(db: Database, input: Who & { referral: Referral }): Promise<ReferralDetail> {
  const { referral, user } = input;
  const [events, screens, attachments] = await Promise.all([
    referralEvents(db, referral.id),
    referralScreens(db, referral.id),
    listAttachments(db, referral.id),
  ]);
  await recordReading(db, {
    actor: { id: user.id, role: user.role },
    action: "referral.viewed",
    subjectType: "referral",
    subjectId: referral.id,
    ip: input.ip ?? null,
    at: input.now,
  });
  return {
    caseData: caseOf(referral),
    decision: referral.decision,
    screens: screens.map((s) => ({ at: s.screened_at, outcome: s.outcome, rulesetVersion: s.ruleset_version })),
    history: events.map((e) => ({
      seq: e.seq,
      at: e.occurred_at,
      action: e.action,
      actorRole: e.actor_role,
      from: e.from_status,
      to: e.to_status,
      site: e.site_code,
      reasonCode: e.reason_code,
      note: e.note,
      data: parseData(e),
    })),
    attachments,
    request: referral.status === "info_requested" ? latestRequest(events) : null,
  };
}

export type AnswerResult =
  { ok: true } | { ok: false; code: "invalid"; issues: FieldIssue[] } | { ok: false; code: "not_waiting" };

/**
 * The physician's answer to a request for information: the requested fields changed, files added (uploaded already),
 * a reply. The case must still be a valid submission; it is screened again and the referral goes back to triage,
 * all in one step of the core (history and audit included).
 */
export async function answerRequest(
  db: Database,
  input: Who & { referral: Referral; values: FlatValues; reply: string },
): Promise<AnswerResult> {
  const { referral, user, now } = input;
  if (referral.status !== "info_requested") return { ok: false, code: "not_waiting" };
  const events = await referralEvents(db, referral.id);
  const request = latestRequest(events);
  const today = referralToday(now);
  const saved = caseOf(referral);
  const requested = new Set((request?.fields ?? []).filter((p) => fieldAt(p)));
  let next = saved;
  const changed: string[] = [];
  const issues: FieldIssue[] = [];
  const replyId = nationalIdIn(input.reply);
  if (replyId) issues.push({ path: "reply", key: nationalIdRefusedKey[replyId] });
  if (input.reply.length > 4000) issues.push({ path: "reply", key: intakeKeys.tooLong });
  const bySection = new Map<FormSection, string[]>();
  for (const path of requested) {
    const section = sectionOf(path);
    if (section) bySection.set(section, [...(bySection.get(section) ?? []), path]);
  }
  for (const [section, paths] of bySection) {
    const answers = answersOf(section, onlyPaths(input.values, paths), { today, saved });
    for (const [path, value] of answers) {
      if (!paths.includes(path)) continue;
      const field = fieldAt(path)!;
      const nationalId = isFreeText(field) && typeof value === "string" ? nationalIdIn(value) : null;
      if (nationalId) {
        issues.push({ path, key: nationalIdRefusedKey[nationalId] });
        continue;
      }
      if (JSON.stringify(value) !== JSON.stringify(getPath(next, path))) changed.push(path);
      next = mergeSection(next, new Map([[path, value]]));
    }
  }
  if (changed.some((p) => p.startsWith("consent.")))
    (next.consent as Record<string, unknown>).recordedAt = now.toISOString();
  const attachments = await listAttachments(db, referral.id);
  const candidate = {
    ...next,
    attachments: attachments.map((a) => ({
      kind: a.kind,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
    })),
  };
  const parsed = submissionSchema(String(getPath(saved, "referredOn") ?? today), serverPhoneRule).safeParse(candidate);
  if (!parsed.success)
    for (const issue of fieldIssues(parsed.error)) if (!issues.some((i) => i.path === issue.path)) issues.push(issue);
  if (issues.length) return { ok: false, code: "invalid", issues };

  const added = request ? attachments.filter((a) => a.uploadedAt >= request.at).map((a) => a.id) : [];
  const result = await transitionReferral(db, {
    referralId: referral.id,
    actor: { id: user.id, role: "physician" },
    action: "answer_info",
    note: input.reply.trim() || null,
    data: { fields: changed, attachments: added },
    caseData: parsed.data as ReferralCase,
    ip: input.ip ?? null,
    now,
  });
  return result.ok ? { ok: true } : { ok: false, code: "not_waiting" };
}

/** Only the posted answers to the requested fields (a date's parts included). */
function onlyPaths(posted: FlatValues, paths: string[]): FlatValues {
  const out: FlatValues = {};
  for (const [name, value] of Object.entries(posted))
    if (paths.some((p) => name === p || name.startsWith(`${p}.`))) out[name] = value;
  return out;
}

export type WithdrawResult = { ok: true } | { ok: false; issues: FieldIssue[] } | { ok: false; code: "not_open" };

/** Withdraws a referral the physician sent, with a reason (workflow.md: from any open state). */
export async function withdrawReferral(
  db: Database,
  input: Who & { referral: Referral; reasonCode: string; note: string },
): Promise<WithdrawResult> {
  const issues: FieldIssue[] = [];
  if (!(withdrawReasons as readonly string[]).includes(input.reasonCode))
    issues.push({ path: "reasonCode", key: intakeKeys.choose });
  if (input.reasonCode === "other" && !input.note.trim()) issues.push({ path: "note", key: intakeKeys.withdrawNote });
  const noteId = nationalIdIn(input.note);
  if (noteId) issues.push({ path: "note", key: nationalIdRefusedKey[noteId] });
  if (input.note.length > 2000) issues.push({ path: "note", key: intakeKeys.tooLong });
  if (issues.length) return { ok: false, issues };
  const result = await transitionReferral(db, {
    referralId: input.referral.id,
    actor: { id: input.user.id, role: "physician" },
    action: "withdraw",
    reasonCode: input.reasonCode,
    note: input.note.trim() || null,
    ip: input.ip ?? null,
    now: input.now,
  });
  return result.ok ? { ok: true } : { ok: false, code: "not_open" };
}
