import { caseSchema, issuesOf, type CaseIssue } from "~/domain/case/schema";
import { normalizeReferenceCode } from "~/domain/reference-code/reference-code";
import { toDecisionJson, type Decision, type DecisionJson } from "~/domain/screen";
import { auditBy } from "~/modules/audit/audit.service.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { findReferral, findReferralByCode, referralEvents } from "~/modules/referrals/referrals.repository.server";
import { submitReferral } from "~/modules/referrals/referrals.service.server";
import type { Database } from "~/utils/db.server";
import type { ApiPrincipal } from "./api-tokens.service.server";
import { phoneProblem } from "~/utils/phone.server";
import { nationalIdsIn } from "./rrn";

/** The key of the message for a field that looks like a resident registration number. */
export const NATIONAL_ID_KEY = "api:errors.nationalId";
export const MY_NUMBER_KEY = "api:errors.myNumber";

export type ApiSubmitResult =
  | { kind: "created"; referenceCode: string; status: string; decision: DecisionJson }
  | { kind: "invalid"; issues: CaseIssue[] };

/**
 * POST /api/v1/referrals: the same submission the referral form makes. The body must be a complete case with both
 * consents given (caseSchema) and no national identifier anywhere; otherwise nothing at all is stored.
 */
export async function submitReferralFromApi(
  db: Database,
  physician: ApiPrincipal,
  body: unknown,
  now: Date,
): Promise<ApiSubmitResult> {
  const parsed = caseSchema.safeParse(body);
  const issues: CaseIssue[] = parsed.success ? [] : issuesOf(parsed.error);
  for (const { path, kind } of nationalIdsIn(body))
    issues.push({ path, code: "national_id", messageKey: kind === "rrn" ? NATIONAL_ID_KEY : MY_NUMBER_KEY });
  // The contract checks E.164's shape; whether the number exists is read from the full metadata.
  const phone = (body as { patient?: { phone?: unknown } } | null)?.patient?.phone;
  if (typeof phone === "string" && /^\+[1-9]\d{1,14}$/.test(phone)) {
    const problem = phoneProblem(phone);
    if (problem?.exampleE164)
      issues.push({
        path: "patient.phone",
        code: "invalid_phone",
        messageKey: "api:errors.phoneNotValid",
        params: { example: problem.exampleE164 },
      });
    else if (problem)
      issues.push({ path: "patient.phone", code: "invalid_phone", messageKey: "screen:validation.invalidPhone" });
  }
  if (!parsed.success || issues.length > 0) return { kind: "invalid", issues };

  const submitted = await submitReferral(db, {
    physician: { id: physician.id, country: physician.country },
    caseData: parsed.data,
    now,
  });
  const row = await findReferral(db, submitted.id);
  return {
    kind: "created",
    referenceCode: submitted.referenceCode,
    status: row!.status,
    decision: toDecisionJson(submitted.record.decision),
  };
}

export type ApiReferral = {
  referenceCode: string;
  status: string;
  site: string | null;
  submittedAt: string | null;
  statusChangedAt: string;
  decision: DecisionJson | null;
  history: { action: string; from: string | null; to: string; at: string }[];
};

/**
 * GET /api/v1/referrals/{referenceCode}: the referral as its physician may see it, or null — for an unknown code
 * and for someone else's referral alike, so a code that is not yours cannot even be shown to exist.
 * The history carries what happened and when; never who on the team, their notes or their reasons' free text.
 * The read is written to the audit log (privacy.md rule 4).
 */
export async function referralForApi(
  db: Database,
  physician: ApiPrincipal,
  rawCode: string,
  context: { ip: string | null; now: Date },
): Promise<ApiReferral | null> {
  const code = normalizeReferenceCode(rawCode);
  if (!code) return null;
  const row = await findReferralByCode(db, code);
  if (!row || !canSeeReferral({ ...physician, sessionId: `api-token:${physician.tokenId}` }, row)) return null;
  const events = await referralEvents(db, row.id);
  const audit = auditBy(db, physician, context);
  await audit("referral.viewed_via_api", ["referral", row.id], { tokenId: physician.tokenId });
  return {
    referenceCode: code,
    status: row.status,
    site: row.site_code,
    submittedAt: row.submitted_at,
    statusChangedAt: row.status_changed_at,
    decision: row.decision_json ? toDecisionJson(JSON.parse(row.decision_json) as Decision) : null,
    history: events.map((e) => ({ action: e.action, from: e.from_status, to: e.to_status, at: e.occurred_at })),
  };
}
