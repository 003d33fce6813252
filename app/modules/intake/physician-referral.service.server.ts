// The physician's referrals once sent: their list, the referral page (history, files, what the site asked for),
// answering a request for information, and withdrawing. Drafts are intake.service.server.ts's.
import type { ReferralCase } from "~/domain/case/schema";
import { nationalIdIn, nationalIdRefusedKey } from "~/domain/case/national-id";
import type { DecisionJson } from "~/domain/screen";
import type { HistoryEntry } from "~/domain/workflow/history";
import type { SessionUser } from "~/modules/accounts/session.server";
import { readingsBy } from "~/modules/audit/read-audit.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import {
  referralEvents,
  referralScreens,
  type ReferralEventRow,
} from "~/modules/referrals/referrals.repository.server";
import { transitionReferral } from "~/modules/referrals/referrals.service.server";
import type { Database } from "~/utils/db.server";
import { listAttachments, type AttachmentView } from "./attachments.service.server";
import { caseAttachments, caseOf, referralToday, type Who } from "./intake-common.server";
import {
  answersOf,
  fieldAt,
  fieldIssues,
  getPath,
  intakeKeys,
  isFreeText,
  mergeSection,
  sectionOf,
  submissionSchema,
  withdrawReasons,
  type FieldIssue,
  type FlatValues,
  type FormSection,
} from "./intake-form";
import { referralsOfPhysician } from "./intake.repository.server";
import { serverPhoneRule } from "./phone-rule.server";

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

export type { HistoryEntry };

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
  const audit = readingsBy(db, user, input);
  await audit("referral.viewed", ["referral", referral.id]);
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

/** The reply's own problems: a national identifier in it, or more than 4,000 characters. */
function replyIssues(reply: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const replyId = nationalIdIn(reply);
  if (replyId) issues.push({ path: "reply", key: nationalIdRefusedKey[replyId] });
  if (reply.length > 4000) issues.push({ path: "reply", key: intakeKeys.tooLong });
  return issues;
}

/** The requested paths grouped by the section of the form that asks them. */
function bySectionOf(requested: Iterable<string>): Map<FormSection, string[]> {
  const bySection = new Map<FormSection, string[]>();
  for (const path of requested) {
    const section = sectionOf(path);
    if (section) bySection.set(section, [...(bySection.get(section) ?? []), path]);
  }
  return bySection;
}

/**
 * The answers to the requested fields merged into the saved case: the case, the paths that changed, and free text
 * refused because it holds a national identifier (never stored).
 */
function applyRequestedAnswers(
  saved: Record<string, unknown>,
  values: FlatValues,
  requested: Set<string>,
  today: string,
) {
  let next = saved;
  const changed: string[] = [];
  const issues: FieldIssue[] = [];
  for (const [section, paths] of bySectionOf(requested)) {
    const answers = answersOf(section, onlyPaths(values, paths), { today, saved });
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
  return { next, changed, issues };
}

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
  const request = latestRequest(await referralEvents(db, referral.id));
  const today = referralToday(now);
  const saved = caseOf(referral);
  const requested = new Set((request?.fields ?? []).filter((p) => fieldAt(p)));
  const issues = replyIssues(input.reply);
  const { next, changed, issues: refused } = applyRequestedAnswers(saved, input.values, requested, today);
  issues.push(...refused);
  if (changed.some((p) => p.startsWith("consent.")))
    (next.consent as Record<string, unknown>).recordedAt = now.toISOString();
  const attachments = await listAttachments(db, referral.id);
  const candidate = { ...next, attachments: caseAttachments(attachments) };
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
